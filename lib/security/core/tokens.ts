import "server-only";
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { hashToken, randomToken } from "./crypto";
import { pruneNowAndThen } from "./prune";
import type { TOKEN_PURPOSES } from "./stored-values";

export type TokenPurpose = (typeof TOKEN_PURPOSES)[number];

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

/**
 * Issues an emailed link token. Only its SHA-256 is stored; the payload binds it to the state
 * it was issued for (uniquifier, email), which the consumer re-checks.
 */
export async function issueToken(
  purpose: TokenPurpose,
  userId: string,
  ttlSeconds: number,
  payload: Record<string, string> = {},
  db?: Queryable,
): Promise<IssuedToken> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + ttlSeconds * 1000);
  await (db ?? (await getDb())).insert(tables.oneTimeTokens).values({ tokenHash: hashToken(token), purpose, userId, payload, expiresAt });
  pruneNowAndThen("oneTimeTokens");
  return { token, expiresAt };
}

export type TokenLookup =
  | { status: "valid"; userId: string; payload: Record<string, string> }
  | { status: "expired"; userId?: string; payload?: Record<string, string> }
  | { status: "invalid" | "used" };

/** Looks a token up without using it (e.g. to render the reset form). */
export async function peekToken(purpose: TokenPurpose, token: string): Promise<TokenLookup> {
  if (!isWellFormed(token)) return { status: "invalid" };
  const db = await getDb();
  const [row] = await db
    .select()
    .from(tables.oneTimeTokens)
    .where(and(eq(tables.oneTimeTokens.tokenHash, hashToken(token)), eq(tables.oneTimeTokens.purpose, purpose)));
  if (!row) return { status: "invalid" };
  if (row.usedAt) return { status: "used" };
  if (row.expiresAt.getTime() <= Date.now()) return { status: "expired", userId: row.userId, payload: row.payload };
  return { status: "valid", userId: row.userId, payload: row.payload };
}

/**
 * Uses a token exactly once: a single `UPDATE … WHERE used_at IS NULL RETURNING`, so two
 * concurrent requests with the same token cannot both succeed. Run it inside the transaction
 * that performs the token's effect so a failed effect leaves the token unused.
 */
export async function consumeToken(purpose: TokenPurpose, token: string, db?: Queryable): Promise<TokenLookup> {
  if (!isWellFormed(token)) return { status: "invalid" };
  const q = db ?? (await getDb());
  const tokenHash = hashToken(token);
  const [row] = await q
    .update(tables.oneTimeTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(tables.oneTimeTokens.tokenHash, tokenHash),
        eq(tables.oneTimeTokens.purpose, purpose),
        isNull(tables.oneTimeTokens.usedAt),
        gt(tables.oneTimeTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: tables.oneTimeTokens.userId, payload: tables.oneTimeTokens.payload });
  if (row) return { status: "valid", userId: row.userId, payload: row.payload };
  const [existing] = await q
    .select({ usedAt: tables.oneTimeTokens.usedAt })
    .from(tables.oneTimeTokens)
    .where(and(eq(tables.oneTimeTokens.tokenHash, tokenHash), eq(tables.oneTimeTokens.purpose, purpose)));
  if (!existing) return { status: "invalid" };
  return { status: existing.usedAt ? "used" : "expired" };
}

/** Kills every unused token of a purpose (or of several) for a user, e.g. older reset links after a reset; says how many. */
export async function revokeTokens(userId: string, purpose: TokenPurpose | TokenPurpose[], db?: Queryable): Promise<number> {
  const purposes = Array.isArray(purpose) ? purpose : [purpose];
  const rows = await (db ?? (await getDb()))
    .update(tables.oneTimeTokens)
    .set({ usedAt: sql`now()` })
    .where(and(eq(tables.oneTimeTokens.userId, userId), inArray(tables.oneTimeTokens.purpose, purposes), isNull(tables.oneTimeTokens.usedAt)))
    .returning({ tokenHash: tables.oneTimeTokens.tokenHash });
  return rows.length;
}

// Our tokens are 43 base64url chars; anything else is rejected before touching the database.
function isWellFormed(token: string): boolean {
  return typeof token === "string" && /^[A-Za-z0-9_-]{43}$/.test(token);
}
