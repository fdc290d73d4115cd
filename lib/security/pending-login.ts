import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { getConfig } from "./config";
import { hashToken, randomToken } from "./crypto";
import type { AuthnMethod } from "./sessions";
import type { UserRecord } from "./users";

export type PendingLogin = typeof tables.pendingLogins.$inferSelect;
export type PendingState = "ready" | "setup" | "select";

/**
 * The state between first and second factor, in Postgres behind an HttpOnly cookie (any app
 * instance can continue it). Short-lived; bound to the user's uniquifier at the first factor.
 */
export async function createPendingLogin(
  user: Pick<UserRecord, "id" | "uniquifier">,
  fields: { state: PendingState; method: string | null; authnVia: AuthnMethod[]; remember: boolean; next: string | null },
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + getConfig().twoFactor.pendingLoginWithin * 1000);
  const db = await getDb();
  // One pending login per user at a time: a new first factor replaces older half-finished ones.
  await db.delete(tables.pendingLogins).where(eq(tables.pendingLogins.userId, user.id));
  await db.insert(tables.pendingLogins).values({
    tokenHash: hashToken(token),
    userId: user.id,
    uniquifier: user.uniquifier,
    state: fields.state,
    method: fields.method,
    authnVia: fields.authnVia,
    remember: fields.remember,
    next: fields.next,
    expiresAt,
  });
  return { token, expiresAt };
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
  fields: Partial<Pick<PendingLogin, "state" | "method" | "setupMethod" | "setupSecretEncrypted" | "setupPhone" | "rescueSecretEncrypted">>,
): Promise<void> {
  const db = await getDb();
  await db.update(tables.pendingLogins).set(fields).where(eq(tables.pendingLogins.tokenHash, tokenHash));
}

export async function countPendingFailure(tokenHash: string): Promise<void> {
  const db = await getDb();
  await db
    .update(tables.pendingLogins)
    .set({ failedAttempts: sql`${tables.pendingLogins.failedAttempts} + 1` })
    .where(eq(tables.pendingLogins.tokenHash, tokenHash));
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
