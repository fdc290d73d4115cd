import "server-only";
import { and, desc, eq, gt, notInArray, sql } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { getConfig } from "../config";
import { hashToken, randomToken } from "../core/crypto";
import { pruneNowAndThen } from "../core/prune";
import type { PENDING_STATES } from "../core/stored-values";
import type { AuthnMethod } from "../core/authn-methods";
import type { UserRecord } from "../accounts/users";

export type PendingLogin = typeof tables.pendingLogins.$inferSelect;
export type PendingState = (typeof PENDING_STATES)[number];

/**
 * Half-finished sign-ins a user may have at once, each bound to its own browser's cookie (a laptop
 * and a phone signing in together both finish); a new one beyond this drops the oldest.
 */
const MAX_PENDING_PER_USER = 5;

/**
 * The state between first and second factor, in Postgres behind an HttpOnly cookie (any app
 * instance can continue it). Short-lived; bound to the user's uniquifier at the first factor.
 */
export async function createPendingLogin(
  user: Pick<UserRecord, "id" | "uniquifier">,
  fields: { state: PendingState; method: PendingLogin["method"]; authnVia: AuthnMethod[]; remember: boolean; next: string | null },
): Promise<{ token: string; tokenHash: string; expiresAt: Date }> {
  const token = randomToken();
  const tokenHash = hashToken(token);
  const expiresAt = new Date(Date.now() + getConfig().twoFactor.pendingLoginWithin * 1000);
  const db = await getDb();
  const t = tables.pendingLogins;
  await db.transaction(async (tx) => {
    // Serialises this user's sign-ins, so concurrent ones cannot each keep "the newest five".
    await tx.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.id, user.id)).for("update");
    await tx.insert(t).values({
      tokenHash,
      userId: user.id,
      uniquifier: user.uniquifier,
      state: fields.state,
      method: fields.method,
      authnVia: fields.authnVia,
      remember: fields.remember,
      next: fields.next,
      expiresAt,
    });
    // Keep the newest few (this one included); expired ones go too.
    const keep = tx
      .select({ tokenHash: t.tokenHash })
      .from(t)
      .where(eq(t.userId, user.id))
      .orderBy(desc(t.createdAt), desc(t.tokenHash))
      .limit(MAX_PENDING_PER_USER);
    await tx.delete(t).where(and(eq(t.userId, user.id), notInArray(t.tokenHash, keep)));
    await tx.delete(t).where(and(eq(t.userId, user.id), sql`${t.expiresAt} <= now()`));
  });
  // This user's expired ones went above; other users' who never came back go now and then.
  pruneNowAndThen("pendingLogins");
  return { token, tokenHash, expiresAt };
}

export interface ActivePending {
  pending: PendingLogin;
  user: UserRecord;
}

/** The pending login for a cookie token, if it is unexpired and its user unchanged and active. */
export async function findPendingLogin(token: string | undefined): Promise<ActivePending | null> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const db = await getDb();
  const [row] = await db
    .select({ pending: tables.pendingLogins, user: tables.users })
    .from(tables.pendingLogins)
    .innerJoin(tables.users, eq(tables.users.id, tables.pendingLogins.userId))
    .where(
      and(
        eq(tables.pendingLogins.tokenHash, hashToken(token)),
        gt(tables.pendingLogins.expiresAt, sql`now()`),
        eq(tables.pendingLogins.uniquifier, tables.users.uniquifier),
        eq(tables.users.active, true),
      ),
    );
  return row ?? null;
}

export async function updatePendingLogin(
  tokenHash: string,
  fields: Partial<Pick<PendingLogin, "state" | "method" | "setupMethod" | "setupSecretEncrypted" | "setupPhone" | "rescueSecretEncrypted" | "deliveryError">>,
): Promise<void> {
  const db = await getDb();
  await db.update(tables.pendingLogins).set(fields).where(eq(tables.pendingLogins.tokenHash, tokenHash));
}

/** Counts a wrong code on the pending sign-in; returns how many it has had (0 when it is gone). */
export async function countPendingFailure(tokenHash: string): Promise<number> {
  const db = await getDb();
  const [row] = await db
    .update(tables.pendingLogins)
    .set({ failedAttempts: sql`${tables.pendingLogins.failedAttempts} + 1` })
    .where(eq(tables.pendingLogins.tokenHash, tokenHash))
    .returning({ failedAttempts: tables.pendingLogins.failedAttempts });
  return row?.failedAttempts ?? 0;
}

/**
 * Ends the pending login. Returns false when it was already gone — the caller lost a race with
 * a concurrent completion and must not sign in a second time.
 */
export async function finishPendingLogin(tokenHash: string, db?: Queryable): Promise<boolean> {
  const rows = await (db ?? (await getDb()))
    .delete(tables.pendingLogins)
    .where(eq(tables.pendingLogins.tokenHash, tokenHash))
    .returning({ tokenHash: tables.pendingLogins.tokenHash });
  return rows.length > 0;
}

/** The user abandoned the sign-in: forget the pending login so its cookie is worthless. */
export async function cancelPendingLogin(token: string | undefined): Promise<void> {
  if (!token || !/^[A-Za-z0-9_-]{43}$/.test(token)) return;
  await finishPendingLogin(hashToken(token));
}
