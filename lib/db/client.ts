import { mkdirSync, readFileSync } from "node:fs";
import { hostname } from "node:os";
import path from "node:path";
import { max } from "drizzle-orm";
import { bigint, pgSchema, type PgDatabase, type PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "@/drizzle/schema";
import { preparingEveryStatement } from "./pool-statements";

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

/** The newest migration this code knows (drizzle records each applied one by its journal `when`). */
function newestKnownMigration(): number {
  const journal = JSON.parse(readFileSync(path.join(MIGRATIONS_FOLDER, "meta", "_journal.json"), "utf8")) as {
    entries: { when: number }[];
  };
  return Math.max(...journal.entries.map((e) => e.when));
}

/**
 * The database has a migration this code does not know: a newer release migrated it. Running
 * anyway would read and write a schema the code was not written for (a dropped column, a new NOT
 * NULL one), so the instance refuses to start (lib/startup.ts) and readiness says so.
 */
export class DatabaseAheadError extends Error {
  constructor(
    readonly databaseNewest: number,
    readonly codeNewest: number,
  ) {
    super(
      `the database has a migration newer than this code knows (applied ${new Date(databaseNewest).toISOString()}, ` +
        `newest here ${new Date(codeNewest).toISOString()}): a newer release migrated it. Deploy that release (or newer); ` +
        "rolling the code back would need the schema rolled back first.",
    );
    this.name = "DatabaseAheadError";
  }
}

export type MigrationState = "current" | "behind" | "ahead";

/**
 * Where the database stands against the code's migrations. "current" (the newest journal entry is
 * recorded) means drizzle's migrator would apply nothing: one query on a restart instead of the
 * migrator's DDL, transaction and (on PostgreSQL) a second connection and lock.
 */
export async function migrationState(db: Database): Promise<MigrationState> {
  const newest = newestKnownMigration();
  let last: number | null;
  try {
    const [row] = await db.select({ last: max(appliedMigrations.createdAt) }).from(appliedMigrations);
    last = row?.last == null ? null : Number(row.last);
  } catch (error) {
    // A new database has no bookkeeping table yet (42P01, undefined_table); anything else —
    // an unreachable server — is not "behind" and must not start the migrator
    // (drizzle wraps the driver's error in `cause`).
    const code = (error as { code?: string }).code ?? (error as { cause?: { code?: string } }).cause?.code;
    if (code === "42P01") return "behind";
    throw error;
  }
  if (last == null || last < newest) return "behind";
  return last > newest ? "ahead" : "current";
}

async function refuseIfAhead(db: Database): Promise<MigrationState> {
  const state = await migrationState(db);
  if (state === "ahead") {
    const [row] = await db.select({ last: max(appliedMigrations.createdAt) }).from(appliedMigrations);
    throw new DatabaseAheadError(Number(row?.last), newestKnownMigration());
  }
  return state;
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
 * Waits on the database are bounded, so an unreachable server is a fast 503 (server/start.mjs)
 * instead of a hung request: a connection attempt gives up after DATABASE_CONNECT_TIMEOUT seconds
 * (postgres.js's default is 30) — a server that is down refuses at once, this bounds a host that
 * drops packets — and a failed connection retries within half a second. Idle connections are closed after a minute, and every connection is replaced
 * after 30 minutes, so a fail-over's new primary (same DNS name) is picked up without a restart.
 */
function connectionBounds(): {
  connect_timeout: number;
  idle_timeout: number;
  max_lifetime: number;
  backoff: (attempt: number) => number;
  connection: Record<string, string>;
} {
  return {
    connect_timeout: Number(process.env.DATABASE_CONNECT_TIMEOUT ?? 3),
    // postgres.js waits 3^n/100 s (up to 20 s) before a failed connection tries again, and
    // queries queue behind it meanwhile: measured here, requests sent while PostgreSQL restarted
    // hung 7–17 s. Capped at half a second, a query waits at most that long to learn the server is
    // still down (→ 503), and the first attempt after it is back is at most that late.
    backoff: (attempt: number) => Math.min(0.05 * 2 ** attempt, 0.5) * (0.5 + Math.random() / 2),
    idle_timeout: 60,
    max_lifetime: 30 * 60,
    // Names this process's connections in pg_stat_activity (PgBouncer passes it on).
    connection: { application_name: applicationName() },
  };
}

/**
 * This process's connections are named `gatehouse <host>:<pid>` in pg_stat_activity, so the
 * pool-use metric (lib/observability/metrics.ts) and an operator can tell them apart.
 */
export function poolSettings(): { max: number; applicationName: string } | null {
  if (!process.env.DATABASE_URL) return null;
  return { max: Number(process.env.DATABASE_POOL_SIZE ?? 10), applicationName: applicationName() };
}

function applicationName(): string {
  return (process.env.DATABASE_APPLICATION_NAME ?? `gatehouse ${hostname()}:${process.pid}`).slice(0, 63);
}

async function open(): Promise<Opened> {
  const migrate = process.env.DATABASE_MIGRATE_ON_START !== "false";
  if (process.env.DATABASE_URL) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(process.env.DATABASE_URL, {
      ...connectionBounds(),
      max: Number(process.env.DATABASE_POOL_SIZE ?? 10),
      // Every statement is prepared (see preparingEveryStatement); a transaction-mode pooler
      // without prepared-statement support (PgBouncer before 1.21, Supavisor) needs them off.
      prepare: process.env.DATABASE_PREPARE !== "false",
      onnotice: () => {},
    });
    const db = drizzle(preparingEveryStatement(client), { schema }) as unknown as Database;
    if ((await refuseIfAhead(db)) === "behind" && migrate) {
      const { migrate: run } = await import("drizzle-orm/postgres-js/migrator");
      // A one-connection client, so the session-level lock and the migration share a session
      // (drizzle cannot wrap a pool's reserved connection: it has no `options`). Ending the
      // session releases the lock, also when the migration fails. Through a transaction-mode
      // pooler a session lock outlives the client (the pooler keeps the server connection), so
      // DATABASE_MIGRATION_URL names the direct, unpooled server for this one connection.
      const conn = postgres(process.env.DATABASE_MIGRATION_URL || process.env.DATABASE_URL, { ...connectionBounds(), max: 1, onnotice: () => {} });
      try {
        await conn`select pg_advisory_lock(${MIGRATION_LOCK_ID})`;
        await run(drizzle(conn, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
      } finally {
        await conn.end({ timeout: 5 });
      }
    }
    return {
      db,
      driver: "postgres",
      close: () => client.end({ timeout: 5 }),
    };
  }

  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = process.env.PGLITE_DIR ?? path.join(process.cwd(), ".data", "pglite");
  if (!dir.startsWith("memory://")) mkdirSync(dir, { recursive: true });
  const client = new PGlite(dir);
  const db = drizzle(client, { schema }) as unknown as Database;
  if ((await refuseIfAhead(db)) === "behind" && migrate) {
    const { migrate: run } = await import("drizzle-orm/pglite/migrator");
    await run(drizzle(client, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
  }
  return { db, driver: "pglite", close: () => client.close() };
}
