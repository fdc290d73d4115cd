// Builds one migrated database per test run, and each test file then works on a private copy of
// it (tests/support/setup.ts): initdb/CREATE DATABASE + migrations once instead of once per file,
// and files can run side by side without meeting each other's rows.
//   PGlite: a migrated folder, copied per file.
//   PostgreSQL (DATABASE_URL with TEST_DATABASE_PER_FILE=1): a migrated template database, cloned
//   per file with CREATE DATABASE … TEMPLATE. Without the switch every file shares DATABASE_URL
//   (a pooler, a server where the test user may not create databases) and files run one at a time.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";
import { databaseUrlFor, dropTestDatabases, postgresPerFile } from "./test-databases";

const MIGRATIONS = path.join(process.cwd(), "drizzle", "migrations");

export default async function setup(project: TestProject): Promise<() => Promise<void> | void> {
  if (postgresPerFile()) return postgresTemplate(project, process.env.DATABASE_URL!);
  if (process.env.DATABASE_URL) return () => {};
  const template = mkdtempSync(path.join(os.tmpdir(), "gatehouse-pglite-template-"));
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = new PGlite(template);
  await migrate(drizzle(client), { migrationsFolder: MIGRATIONS });
  await client.close();
  project.provide("pgliteTemplate", template);
  return () => rmSync(template, { recursive: true, force: true });
}

async function postgresTemplate(project: TestProject, url: string): Promise<() => Promise<void>> {
  const { default: postgres } = await import("postgres");
  const { drizzle } = await import("drizzle-orm/postgres-js");
  const { migrate } = await import("drizzle-orm/postgres-js/migrator");
  const prefix = `gatehouse_test_${process.pid}`;
  const template = `${prefix}_template`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await dropTestDatabases(admin, prefix);
  await admin.unsafe(`create database ${template}`);
  const conn = postgres(databaseUrlFor(url, template), { max: 1, onnotice: () => {} });
  try {
    await migrate(drizzle(conn), { migrationsFolder: MIGRATIONS });
  } finally {
    await conn.end();
  }
  project.provide("postgresTemplate", { template, prefix });
  return async () => {
    await dropTestDatabases(admin, prefix);
    await admin.end();
  };
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
    postgresTemplate: { template: string; prefix: string };
  }
}
