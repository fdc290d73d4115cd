// Builds one migrated PGlite folder per test run; each test file then opens a private copy of it
// (tests/support/setup.ts). initdb + migrations once instead of once per file.
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import type { TestProject } from "vitest/node";

export default async function setup(project: TestProject): Promise<() => void> {
  if (process.env.DATABASE_URL) return () => {};
  const template = mkdtempSync(path.join(os.tmpdir(), "gatehouse-pglite-template-"));
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const { migrate } = await import("drizzle-orm/pglite/migrator");
  const client = new PGlite(template);
  await migrate(drizzle(client), { migrationsFolder: path.join(process.cwd(), "drizzle", "migrations") });
  await client.close();
  project.provide("pgliteTemplate", template);
  return () => rmSync(template, { recursive: true, force: true });
}

declare module "vitest" {
  export interface ProvidedContext {
    pgliteTemplate: string;
  }
}
