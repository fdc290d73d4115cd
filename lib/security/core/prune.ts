import "server-only";
import { after } from "next/server";
import { and, count, eq, lt, sql, type SQL } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
import { getDb, type Database, tables } from "@/lib/db";
import { getConfig } from "../config";
import { RATE_LIMITS } from "./rate-limit-policies";

/**
 * Housekeeping: the tables that only grow (sessions, tokens, ceremonies, pending sign-ins,
 * rate-limit windows, delivered mail, and the activity log when an operator sets a retention)
 * lose the rows nothing can use any more. Rows go in batches of at most BATCH_SIZE, each batch one
 * statement that locks only its own rows (`FOR UPDATE SKIP LOCKED`): no table lock, and a row
 * another request is using at that moment is left for the next pass instead of waited for.
 */
export const PRUNABLE = [
  "sessions",
  "authTokens",
  "refreshTokens",
  "pendingLogins",
  "oneTimeTokens",
  "webauthnChallenges",
  "rateLimits",
  "outbox",
  "securityEvents",
  "knownDevices",
] as const;
export type PrunableTable = (typeof PRUNABLE)[number];
export type PruneCounts = Record<PrunableTable, number>;

/** Rows per statement: measured at a few milliseconds per batch, short enough to never hold a request up. */
export const BATCH_SIZE = 1000;
/** What a write prunes of its own table now and then: small, and after the answer. */
const OPPORTUNISTIC_BATCH = 100;
/** One write in this many prunes (1%): a busy table sheds rows about as fast as it gains them. */
const OPPORTUNISTIC_ONE_IN = 100;

// Emailed links are kept a week past expiry so a late click still says "expired" or "already used", not "invalid".
const TOKEN_GRACE = sql`interval '7 days'`;
// A late passkey answer still reads "expired" for an hour (lib/security/passkeys/ceremonies.ts).
const CEREMONY_GRACE = sql`interval '1 hour'`;

// A dead refresh-token family still answers "revoked" or "expired" for a day, then goes.
const REFRESH_GRACE = sql`interval '1 day'`;

const seconds = (n: number): SQL => sql`make_interval(secs => ${n})`;

/**
 * A rate-limit row goes once its window has ended. The window is the policy's where the bucket is
 * one of ours, not only the row's `expires_at`: rows from before migration 0004 got a default of a
 * day, and a year-long lock (unknown identities) must not open because its row was swept.
 */
function rateLimitWindowEnded(): SQL {
  const t = tables.rateLimits;
  const windows = Object.values(RATE_LIMITS).map((p) => sql`when ${p.bucket} then ${sql.raw(String(p.windowSeconds))}`);
  return and(
    lt(t.expiresAt, sql`now()`),
    sql`${t.windowStart} + make_interval(secs => (case ${t.bucket} ${sql.join(windows, sql` `)} else 0 end)) < now()`,
  ) as SQL;
}

interface Rule {
  table: PgTable;
  /** The primary key, as a row value: what the batch selects and deletes by. */
  key: SQL;
  /** Rows nothing can use any more; null when this table keeps everything (a retention of "keep"). */
  expired: () => SQL | null;
}

const RULES: Record<PrunableTable, Rule> = {
  sessions: { table: tables.sessions, key: sql`${tables.sessions.tokenHash}`, expired: () => lt(tables.sessions.expiresAt, sql`now()`) },
  authTokens: { table: tables.authTokens, key: sql`${tables.authTokens.tokenHash}`, expired: () => lt(tables.authTokens.expiresAt, sql`now()`) },
  // A family's spent generations stay while it lives (a replay of one must be recognised); they go with the family.
  refreshTokens: {
    table: tables.refreshTokens,
    key: sql`${tables.refreshTokens.tokenHash}`,
    expired: () =>
      sql`(${tables.refreshTokens.familyExpiresAt} < now() - ${REFRESH_GRACE} or not exists (select 1 from refresh_tokens f where f.family_id = ${tables.refreshTokens.familyId} and ((f.used_at is null and f.revoked_at is null and f.expires_at > now() - ${REFRESH_GRACE}) or f.revoked_at > now() - ${REFRESH_GRACE})))`,
  },
  pendingLogins: {
    table: tables.pendingLogins,
    key: sql`${tables.pendingLogins.tokenHash}`,
    expired: () => lt(tables.pendingLogins.expiresAt, sql`now()`),
  },
  // Used tokens go with the expired ones: every token expires, used or not.
  oneTimeTokens: {
    table: tables.oneTimeTokens,
    key: sql`${tables.oneTimeTokens.tokenHash}`,
    expired: () => lt(tables.oneTimeTokens.expiresAt, sql`now() - ${TOKEN_GRACE}`),
  },
  webauthnChallenges: {
    table: tables.webauthnChallenges,
    key: sql`${tables.webauthnChallenges.stateHash}`,
    expired: () => lt(tables.webauthnChallenges.expiresAt, sql`now() - ${CEREMONY_GRACE}`),
  },
  rateLimits: { table: tables.rateLimits, key: sql`${tables.rateLimits.bucket}, ${tables.rateLimits.key}`, expired: rateLimitWindowEnded },
  // Only delivered messages: a failed one stays for the operator to see why (lib/outbox/deliver.ts).
  outbox: {
    table: tables.outbox,
    key: sql`${tables.outbox.id}`,
    expired: () => and(eq(tables.outbox.status, "sent"), lt(tables.outbox.sentAt, sql`now() - ${seconds(getConfig().retention.outboxSent)}`)) ?? null,
  },
  securityEvents: {
    table: tables.securityEvents,
    key: sql`${tables.securityEvents.id}`,
    expired: () => {
      const keep = getConfig().retention.securityEvents;
      return keep === null ? null : lt(tables.securityEvents.at, sql`now() - ${seconds(keep)}`);
    },
  },
  // A device not seen for the retention is forgotten, but never an account's latest one: "has no
  // known device" must keep meaning "never signed in" (no alert on the first sign-in, decision 038).
  knownDevices: {
    table: tables.knownDevices,
    key: sql`${tables.knownDevices.userId}, ${tables.knownDevices.deviceHash}`,
    expired: () =>
      and(
        lt(tables.knownDevices.lastSeenAt, sql`now() - ${seconds(getConfig().retention.knownDevices)}`),
        sql`exists (select 1 from known_devices newer where newer.user_id = ${tables.knownDevices.userId} and newer.last_seen_at > ${tables.knownDevices.lastSeenAt})`,
      ) ?? null,
  },
};

/** Deletes at most `limit` rows of one table that nothing can use any more; returns how many went. */
export async function pruneBatch(name: PrunableTable, limit = BATCH_SIZE, db?: Database): Promise<number> {
  const { table, key, expired } = RULES[name];
  const where = expired();
  if (!where) return 0;
  const q = db ?? (await getDb());
  // The row lock is taken in the sub-select, so a row is re-checked against `where` at its newest
  // version: a rate-limit window that a concurrent request has just restarted is not deleted.
  const doomed = sql`select ${key} from ${table} where ${where} limit ${limit} for update skip locked`;
  const gone = await q
    .delete(table)
    .where(sql`(${key}) in (${doomed})`)
    .returning({ one: sql<number>`1` });
  return gone.length;
}

/** How many rows of one table a prune would delete now (for `--dry-run`). */
async function countPrunable(name: PrunableTable, db: Database): Promise<number> {
  const { table, expired } = RULES[name];
  const where = expired();
  if (!where) return 0;
  const [row] = await db.select({ n: count() }).from(table).where(where);
  return row?.n ?? 0;
}

export interface PruneOptions {
  dryRun?: boolean;
  /** Stops each table after this many batches (a cron call within its time limit); the next run goes on. */
  maxBatches?: number;
  batchSize?: number;
}

/** Prunes every table, batch after batch until a batch comes back short; returns the rows per table. */
export async function pruneAll(options: PruneOptions = {}): Promise<PruneCounts> {
  const db = await getDb();
  const { batchSize = BATCH_SIZE, maxBatches = Number.POSITIVE_INFINITY } = options;
  const counts = Object.fromEntries(PRUNABLE.map((name) => [name, 0])) as PruneCounts;
  for (const name of PRUNABLE) {
    if (options.dryRun) {
      counts[name] = await countPrunable(name, db);
      continue;
    }
    for (let batch = 0; batch < maxBatches; batch++) {
      const n = await pruneBatch(name, batchSize, db);
      counts[name] += n;
      if (n < batchSize) break;
    }
  }
  return counts;
}

/**
 * Called by a write to its own table: one call in OPPORTUNISTIC_ONE_IN prunes one small batch of
 * it, after the response (Next's after()) so the request that pays for it does not wait. Outside
 * a request it runs in the background. Best effort: the next write, `npm run db:prune` or the
 * cron route catch up on whatever this misses.
 */
export function pruneNowAndThen(name: PrunableTable): void {
  if (Math.floor(Math.random() * OPPORTUNISTIC_ONE_IN) !== 0) return;
  const run = (): Promise<void> =>
    pruneBatch(name, OPPORTUNISTIC_BATCH).then(
      () => undefined,
      () => undefined,
    );
  try {
    after(run);
  } catch {
    void run();
  }
}
