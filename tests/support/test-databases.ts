// The per-file PostgreSQL databases of a test run (tests/support/global-setup.ts, setup.ts).
import type { Sql } from "postgres";

/** A PostgreSQL run that gives each test file a database of its own. */
export function postgresPerFile(): boolean {
  return Boolean(process.env.DATABASE_URL) && process.env.TEST_DATABASE_PER_FILE === "1";
}

export function databaseUrlFor(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** Drops this run's databases (names are ours: a prefix and [a-z0-9_]), also a crashed run's of the same pid. */
export async function dropTestDatabases(admin: Sql, prefix: string): Promise<void> {
  const rows = await admin<{ datname: string }[]>`select datname from pg_database where starts_with(datname, ${prefix})`;
  for (const { datname } of rows) if (/^[a-z0-9_]+$/.test(datname)) await admin.unsafe(`drop database if exists ${datname} with (force)`);
}
