import "server-only";
import { randomUUID } from "node:crypto";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { getDb, type Queryable, tables, transactionWithAbort } from "@/lib/db";
import { getConfig } from "../config";
import type { AuthnMethod } from "../core/authn-methods";
import { hashToken, randomToken } from "../core/crypto";
import type { Failure } from "../core/errors";
import { recordEvent } from "../core/events";
import { pruneNowAndThen } from "../core/prune";
import type { RequestContext } from "../core/request-context";
import type { UserRecord } from "../accounts/users";
import { hasApplicationLock, isLockedByApplication } from "../accounts/application-lock";
import { bindingOf, issueAuthToken } from "./auth-tokens";

/**
 * Refresh tokens (SECURITY_REFRESH_TOKEN): a long-lived, single-use credential that buys a new
 * short-lived auth token. Each one belongs to a family (one sign-in) and a generation; an exchange
 * spends it and hands out the next generation. A spent one presented again means two parties hold
 * the family (a stolen copy, or a client that raced itself): the whole family and its auth tokens
 * end, and the user's activity log says so. Stored like auth tokens: random, only the SHA-256 kept,
 * bound to the uniquifier (a password change, reset or resetUserAccess() ends them). Decision 034.
 */
export type RefreshFailureReason = "INVALID" | "EXPIRED" | "NOT_FOUND" | "GEN_MISMATCH" | "REVOKED";

export interface IssuedToken {
  token: string;
  expiresAt: Date;
}

export interface TokenPair {
  authToken: IssuedToken;
  /** Null when refresh tokens are switched off. */
  refreshToken: IssuedToken | null;
}

type Proof = { authnVia: AuthnMethod[]; authenticatedAt: Date };
type Binding = Pick<UserRecord, "id" | "uniquifier" | "tokenUniquifier">;

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

function invalid(reason: RefreshFailureReason): Failure {
  return { ok: false, code: "REFRESH_TOKEN_INVALID", params: { reason } };
}

async function insertGeneration(
  q: Queryable,
  family: { familyId: string; generation: number; familyExpiresAt: Date; uniquifier: string; userId: string } & Proof,
): Promise<IssuedToken> {
  const token = randomToken();
  const idle = new Date(Date.now() + getConfig().api.refresh.maxIdle * 1000);
  const expiresAt = idle < family.familyExpiresAt ? idle : family.familyExpiresAt;
  await q.insert(tables.refreshTokens).values({ ...family, tokenHash: hashToken(token), expiresAt });
  return { token, expiresAt };
}

/**
 * The credentials of a sign-in that asked for a token (?include_auth_token): an auth token and,
 * with refresh tokens on, the first generation of a new family, written together.
 */
export async function issueTokenPair(user: Binding, proof: Proof): Promise<TokenPair> {
  const db = await getDb();
  if (!getConfig().api.refresh.enabled) return { authToken: await issueAuthToken(user, proof, db), refreshToken: null };
  const familyId = randomUUID();
  const familyExpiresAt = new Date(Date.now() + getConfig().api.refresh.maxAge * 1000);
  const pair = await db.transaction(async (tx) => {
    const refreshToken = await insertGeneration(tx, { familyId, generation: 0, familyExpiresAt, uniquifier: bindingOf(user), userId: user.id, ...proof });
    return { authToken: await issueAuthToken(user, { ...proof, refreshFamilyId: familyId }, tx), refreshToken };
  });
  pruneNowAndThen("refreshTokens");
  return pair;
}

export type ExchangeResult = ({ ok: true; user: UserRecord } & { authToken: IssuedToken; refreshToken: IssuedToken }) | Failure;

/**
 * POST /api/security/refresh-token: spends the token and answers the family's next generation
 * with a new auth token. The spend is one `UPDATE … WHERE used_at IS NULL`: of any number of
 * concurrent exchanges of one token exactly one wins; the others find it spent, which is a replay.
 * The new auth token keeps the family's sign-in freshness (a refresh is not a re-authentication).
 */
export async function exchangeRefreshToken(token: string, ctx: RequestContext): Promise<ExchangeResult> {
  if (!getConfig().api.refresh.enabled || !TOKEN_SHAPE.test(token)) return invalid("INVALID");
  const db = await getDb();
  const tokenHash = hashToken(token);
  const t = tables.refreshTokens;
  if (await lockedByApplication(tokenHash)) return { ok: false, code: "LOCKED_ACCOUNT" };
  const won = await transactionWithAbort<ExchangeResult | null, Failure>(db, async (tx, abort) => {
    const [spent] = await tx
      .update(t)
      .set({ usedAt: sql`now()` })
      .where(and(eq(t.tokenHash, tokenHash), isNull(t.usedAt), isNull(t.revokedAt), gt(t.expiresAt, sql`now()`)))
      .returning();
    if (!spent) return null;
    const [user] = await tx.select().from(tables.users).where(eq(tables.users.id, spent.userId));
    // A rotated uniquifier (password change or reset, resetUserAccess) or a deactivated account ends the family.
    if (!user || !user.active || bindingOf(user) !== spent.uniquifier) abort(invalid("REVOKED"));
    const proof = { authnVia: spent.authnVia, authenticatedAt: spent.authenticatedAt };
    const { familyId, familyExpiresAt, uniquifier, userId } = spent;
    const refreshToken = await insertGeneration(tx, { familyId, familyExpiresAt, uniquifier, userId, ...proof, generation: spent.generation + 1 });
    const authToken = await issueAuthToken(user!, { ...proof, refreshFamilyId: spent.familyId }, tx);
    return { ok: true as const, user: user!, authToken, refreshToken };
  });
  if (won) return won;
  return refuseExchange(tokenHash, ctx);
}

/**
 * The application's lock (decision 056), read before the exchange's transaction so the hook never
 * runs inside it (PGlite has one connection). The token stays unspent: unlocked, it works again.
 * Without a hook there is nothing to ask and no read.
 */
async function lockedByApplication(tokenHash: string): Promise<boolean> {
  if (!hasApplicationLock()) return false;
  const db = await getDb();
  const [row] = await db
    .select({ user: tables.users })
    .from(tables.refreshTokens)
    .innerJoin(tables.users, eq(tables.users.id, tables.refreshTokens.userId))
    .where(eq(tables.refreshTokens.tokenHash, tokenHash));
  return row ? isLockedByApplication(row.user) : false;
}

/** Why a token could not be spent; a spent one (an older generation) ends its family. */
async function refuseExchange(tokenHash: string, ctx: RequestContext): Promise<Failure> {
  const db = await getDb();
  const [row] = await db.select().from(tables.refreshTokens).where(eq(tables.refreshTokens.tokenHash, tokenHash));
  if (!row) return invalid("NOT_FOUND");
  if (row.revokedAt) return invalid("REVOKED");
  if (row.usedAt) {
    await revokeFamily(row.familyId, { userId: row.userId, ctx, reason: "GEN_MISMATCH", generation: row.generation });
    return invalid("GEN_MISMATCH");
  }
  return row.expiresAt.getTime() <= Date.now() ? invalid("EXPIRED") : invalid("INVALID");
}

/**
 * Ends a family: every generation is marked revoked and its auth tokens are deleted, in one
 * transaction. Only the call that revoked something records the event, so a hundred racing
 * replays write one line in the activity log.
 */
export async function revokeFamily(
  familyId: string,
  replay: { userId: string; ctx: RequestContext; reason: RefreshFailureReason; generation: number } | null,
): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    const revoked = await tx
      .update(tables.refreshTokens)
      .set({ revokedAt: sql`now()` })
      .where(and(eq(tables.refreshTokens.familyId, familyId), isNull(tables.refreshTokens.revokedAt)))
      .returning({ one: sql<number>`1` });
    await tx.delete(tables.authTokens).where(eq(tables.authTokens.refreshFamilyId, familyId));
    if (replay && revoked.length) {
      await recordEvent(
        "refresh_tracker_revoked",
        { userId: replay.userId, ctx: replay.ctx, data: { reason: replay.reason, generation: replay.generation } },
        tx,
      );
    }
  });
}

/** Logout with a refresh token: its family ends (and the family's auth tokens). Unknown tokens are ignored. */
export async function revokeRefreshToken(token: string): Promise<void> {
  if (!TOKEN_SHAPE.test(token)) return;
  const db = await getDb();
  const [row] = await db
    .select({ familyId: tables.refreshTokens.familyId })
    .from(tables.refreshTokens)
    .where(eq(tables.refreshTokens.tokenHash, hashToken(token)));
  if (row) await revokeFamily(row.familyId, null);
}
