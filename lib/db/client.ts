import { mkdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { max } from "drizzle-orm";
import { bigint, pgSchema, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import type { ParameterOrJSON, Sql, UnsafeQueryOptions } from "postgres";
import * as schema from "@/drizzle/schema";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
/** A transaction handle: same query surface as the database. */
export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];
export type Queryable = Database | Tx;

const MIGRATIONS_FOLDER = path.join(process.cwd(), "drizzle", "migrations");
// Any fixed 64-bit number: serialises migrations when several instances start at once.
const MIGRATION_LOCK_ID = 7_215_046_183;

// drizzle's own bookkeeping table (not part of our schema, so drizzle-kit never sees it).
const appliedMigrations = pgSchema("drizzle").table("__drizzle_migrations", {
  createdAt: bigint("created_at", { mode: "number" }),
});

/**
 * Whether drizzle's migrator would apply nothing: it runs every journal entry newer than the
 * last recorded one, so "the newest entry is recorded" means up to date. One query on a restart
 * instead of the migrator's DDL, transaction and (on PostgreSQL) a second connection and lock.
 */
async function migrationsUpToDate(db: Database): Promise<boolean> {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  const newest = Math.max(...journal.entries.map((e) => e.when));
  try {
    const [row] = await db.select({ last: max(appliedMigrations.createdAt) }).from(appliedMigrations);
    return row?.last != null && Number(row.last) >= newest;
  } catch {
    return false; // a new database: no bookkeeping table yet
  }
}

interface Opened {
  db: Database;
  close: () => Promise<void>;
  driver: "pglite" | "postgres";
}

// One connection pool per process, shared across Next's module graphs (route handlers,
// server actions and proxy may load this module separately).
const globalStore = globalThis as unknown as { __gatehouseDb?: Promise<Opened> };

/** The database, opened (and migrated) on first use — never at import time, because `next build` imports modules. */
export function getDb(): Promise<Database> {
  globalStore.__gatehouseDb ??= open().catch((error: unknown) => {
    globalStore.__gatehouseDb = undefined;
    throw error;
  });
  return globalStore.__gatehouseDb.then((o) => o.db);
}

export async function closeDb(): Promise<void> {
  const opened = globalStore.__gatehouseDb;
  globalStore.__gatehouseDb = undefined;
  if (opened) await (await opened).close();
}

export function databaseDriver(): "pglite" | "postgres" {
  return process.env.DATABASE_URL ? "postgres" : "pglite";
}

/**
 * drizzle sends each statement it was not asked to name with `prepare: false`; postgres.js then
 * has the server describe the statement before it can encode the parameters — two round trips and
 * a parse and plan on every query (measured on this machine: 0.47–0.70 ms against 0.19–0.25 ms
 * for a prepared one). This lets postgres.js prepare every statement once per connection (it keys
 * them by SQL text; drizzle's SQL has placeholders, so the set is bounded by the code's queries).
 * The client's `prepare: false` (DATABASE_PREPARE=false) still turns all of it off.
 */
function preparingEveryStatement(sql: Sql): Sql {
  return new Proxy(sql, {
    get(target, property, receiver) {
      if (property === "unsafe") {
        return (query: string, parameters?: ParameterOrJSON<never>[], options?: UnsafeQueryOptions) =>
          target.unsafe(query, parameters, { ...options, prepare: true });
      }
      // Transactions get their own handle from postgres.js: it prepares the same way.
      if (property === "begin") {
        return (...args: unknown[]) => {
          const callback = args.pop() as (tx: Sql) => unknown;
          return (target.begin as (...a: unknown[]) => unknown)(...args, (tx: Sql) => callback(preparingEveryStatement(tx)));
        };
      }
      return Reflect.get(target, property, receiver) as unknown;
    },
  });
}

async function open(): Promise<Opened> {
  const migrate = process.env.DATABASE_MIGRATE_ON_START !== "false";
  if (process.env.DATABASE_URL) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(process.env.DATABASE_URL, {
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // Every statement is prepared (see preparingEveryStatement); a transaction-mode pooler
      // without prepared-statement support (PgBouncer before 1.21, Supavisor) needs them off.
      prepare: process.env.DATABASE_PREPARE !== "false",
      onnotice: () => {},
    });
    const db = drizzle(preparingEveryStatement(client), { schema }) as unknown as Database;
    if (migrate && !(await migrationsUpToDate(db))) {
      const { migrate: run } = await import("drizzle-orm/postgres-js/migrator");
      // A one-connection client, so the session-level lock and the migration share a session
      // (drizzle cannot wrap a pool's reserved connection: it has no `options`). Ending the
      // session releases the lock, also when the migration fails.
      const conn = postgres(process.env.DATABASE_URL, { max: 1, onnotice: () => {} });
      try {
        await conn`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await run(drizzle(conn, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await conn.end({ timeout: 5 });
      }
    }
    return { db, driver: "postgres", close: () => client.end({ timeout: 5 }) };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzle(client, { schema }) as unknown as Database;
  if (migrate && !(await migrationsUpToDate(db))) {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    await run(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  }
  return { db, driver: "pglite", close: () => client.close() };
}
