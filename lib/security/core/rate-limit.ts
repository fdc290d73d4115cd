import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, preparedFor, tables } from "@/lib/db";
import { getConfig } from "../config";
import { countRateLimitRefusal } from "@/lib/observability/metrics";
import { hashToken } from "./crypto";
import { pruneNowAndThen } from "./prune";
import type { RateLimitPolicy } from "./rate-limit-policies";

// The policies are their own module so housekeeping (./prune.ts) can read the windows without a cycle.
export { MAX_CONSECUTIVE_FAILURES, RATE_LIMITS, type RateLimitPolicy } from "./rate-limit-policies";

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfter: number };

// Keys can be emails; store a hash so the table holds no personal data.
const keyOf = (key: string): string => hashToken(key.toLowerCase());

/** A budget's row as stored, for a caller that resets it within its own statement (sign-in/complete.ts). */
export function rateLimitRow(policy: RateLimitPolicy, key: string): { bucket: string; key: string } {
  return { bucket: policy.bucket, key: keyOf(key) };
}

// Every sign-in runs these: prepared once per database handle (lib/db/prepared.ts).
const windowOf = sql`make_interval(secs => ${sql.placeholder("windowSeconds")})`;
const retryAfterSql = sql<number>`greatest(1, ceil(extract(epoch from (${tables.rateLimits.windowStart} + ${windowOf} - now()))))::int`;

const consumeStatement = preparedFor((db) =>
  db
    .insert(tables.rateLimits)
    .values({ bucket: sql.placeholder("bucket"), key: sql.placeholder("key"), windowStart: sql`now()`, count: 1, expiresAt: sql`now() + ${windowOf}` })
    .onConflictDoUpdate({
      target: [tables.rateLimits.bucket, tables.rateLimits.key],
      set: {
        count: sql`case when ${tables.rateLimits.windowStart} <= now() - ${windowOf} then 1 else ${tables.rateLimits.count} + 1 end`,
        windowStart: sql`case when ${tables.rateLimits.windowStart} <= now() - ${windowOf} then now() else ${tables.rateLimits.windowStart} end`,
        expiresAt: sql`case when ${tables.rateLimits.windowStart} <= now() - ${windowOf} then now() + ${windowOf} else ${tables.rateLimits.expiresAt} end`,
      },
    })
    .returning({ count: tables.rateLimits.count, retryAfter: retryAfterSql })
    .prepare("rate_limit_consume"),
);

const checkStatement = preparedFor((db) =>
  db
    .select({ count: tables.rateLimits.count, retryAfter: retryAfterSql })
    .from(tables.rateLimits)
    .where(
      and(
        eq(tables.rateLimits.bucket, sql.placeholder("bucket")),
        eq(tables.rateLimits.key, sql.placeholder("key")),
        sql`${tables.rateLimits.windowStart} > now() - ${windowOf}`,
      ),
    )
    .prepare("rate_limit_check"),
);

const resetStatement = preparedFor((db) =>
  db
    .delete(tables.rateLimits)
    .where(and(eq(tables.rateLimits.bucket, sql.placeholder("bucket")), eq(tables.rateLimits.key, sql.placeholder("key"))))
    .prepare("rate_limit_reset"),
);

/** Counts one attempt against the budget (one upsert) and says whether it is within it. */
export async function consumeRateLimit(policy: RateLimitPolicy, key: string): Promise<RateLimitResult> {
  if (!getConfig().rateLimitEnabled && !policy.lock) return { ok: true, remaining: policy.limit };
  const [row] = await consumeStatement(await getDb()).execute({ bucket: policy.bucket, key: keyOf(key), windowSeconds: policy.windowSeconds });
  pruneNowAndThen("rateLimits");
  if (!row || row.count <= policy.limit) return { ok: true, remaining: policy.limit - (row?.count ?? 0) };
  countRateLimitRefusal(policy.bucket);
  return { ok: false, retryAfter: Number(row.retryAfter) };
}

/** Whether the budget is already spent, without counting an attempt (used before checking a password). */
export async function checkRateLimit(policy: RateLimitPolicy, key: string): Promise<RateLimitResult> {
  if (!getConfig().rateLimitEnabled && !policy.lock) return { ok: true, remaining: policy.limit };
  const [row] = await checkStatement(await getDb()).execute({ bucket: policy.bucket, key: keyOf(key), windowSeconds: policy.windowSeconds });
  if (!row || row.count < policy.limit) return { ok: true, remaining: policy.limit - (row?.count ?? 0) };
  countRateLimitRefusal(policy.bucket);
  return { ok: false, retryAfter: Number(row.retryAfter) };
}

export async function resetRateLimit(policy: RateLimitPolicy, key: string): Promise<void> {
  await resetStatement(await getDb()).execute({ bucket: policy.bucket, key: keyOf(key) });
}
