import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { getConfig } from "../config";
import { fail, messageFor, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { hashToken } from "../core/crypto";
import { links } from "../core/links";
import { hashPassword, normalizePassword } from "../core/password-hash";
import { verifyAndUpdatePassword } from "../accounts/password-upgrade";
import { checkPasswordPolicy, passwordPolicyFailure } from "./policy";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { deleteOtherSessions, reissueSession, type NewSession, type SessionRecord } from "../sessions/store";
import { revokeTokens } from "../core/tokens";
import { setUniquifier, type UserRecord } from "../accounts/users";

export interface ChangePasswordInput {
  password: string;
  newPassword: string;
}

/**
 * Changes the password of the signed-in user. Every other session and every outstanding reset
 * link ends; this browser gets a re-issued session so it stays signed in.
 */
export async function changePassword(
  user: UserRecord,
  current: SessionRecord,
  input: ChangePasswordInput,
  ctx: RequestContext,
): Promise<Result<{ session: NewSession }>> {
  const config = getConfig();
  if (!config.features.changeable) return fail("API_ERROR");
  const limited = await consumeRateLimit(RATE_LIMITS.verifyPerUser, user.id);
  if (!limited.ok) return fail("RATE_LIMITED", undefined, limited.retryAfter);
  if (!(await verifyAndUpdatePassword(user, input.password, ctx))) {
    await recordEvent("user_failed_authn", { userId: user.id, ctx, data: { authType: "password", during: "change_password" } });
    return fail("INVALID_PASSWORD", { password: [messageFor("INVALID_PASSWORD")] });
  }
  if (normalizePassword(input.newPassword) === normalizePassword(input.password)) {
    return fail("PASSWORD_IS_THE_SAME", { newPassword: [messageFor("PASSWORD_IS_THE_SAME")] });
  }
  const policyError = await checkPasswordPolicy(input.newPassword, { email: user.email, username: user.username });
  if (policyError) return passwordPolicyFailure(policyError, "newPassword");
  const passwordHash = await hashPassword(input.newPassword);

  const db = await getDb();
  const session = await db.transaction(async (tx) => {
    // A password chosen in a signed-in session is the user's own, not the inbox's.
    await tx
      .update(tables.users)
      .set({ passwordHash, passwordFromReset: false, updatedAt: sql`now()` })
      .where(eq(tables.users.id, user.id));
    const uniquifier = await setUniquifier(user.id, tx);
    await revokeTokens(user.id, "reset", tx);
    const reissued = await reissueSession(current, uniquifier, tx);
    await deleteOtherSessions(user.id, hashToken(reissued.token), tx);
    await recordEvent("password_changed", { userId: user.id, ctx }, tx);
    await notifyPasswordChange(user, tx);
    return reissued;
  });
  return { ok: true, session };
}

/**
 * Gives a password-less account its first password (the session is fresh instead of a current
 * password). Like a change, every other session and outstanding reset link ends and this browser
 * gets a re-issued session. An account that already has a password must use changePassword.
 */
export async function setPassword(
  user: UserRecord,
  current: SessionRecord,
  newPassword: string,
  ctx: RequestContext,
): Promise<Result<{ session: NewSession }>> {
  if (user.passwordHash) return fail("API_ERROR");
  // Hashing is deliberately slow: the same per-user budget as a change stops it being used to burn CPU.
  const limited = await consumeRateLimit(RATE_LIMITS.verifyPerUser, user.id);
  if (!limited.ok) return fail("RATE_LIMITED", undefined, limited.retryAfter);
  const policyError = await checkPasswordPolicy(newPassword, { email: user.email, username: user.username });
  if (policyError) return passwordPolicyFailure(policyError, "newPassword");
  const passwordHash = await hashPassword(newPassword);

  const db = await getDb();
  const session = await db.transaction(async (tx) => {
    // Only while still unset: of two racing requests one wins, the other sets nothing.
    const updated = await tx
      .update(tables.users)
      .set({ passwordHash, updatedAt: sql`now()` })
      .where(and(eq(tables.users.id, user.id), isNull(tables.users.passwordHash)))
      .returning({ id: tables.users.id });
    if (!updated.length) return null;
    const uniquifier = await setUniquifier(user.id, tx);
    await revokeTokens(user.id, "reset", tx);
    const reissued = await reissueSession(current, uniquifier, tx);
    await deleteOtherSessions(user.id, hashToken(reissued.token), tx);
    await recordEvent("password_changed", { userId: user.id, ctx, data: { set: true } }, tx);
    await notifyPasswordChange(user, tx);
    return reissued;
  });
  if (!session) return fail("API_ERROR");
  return { ok: true, session };
}

/** The owner hears of every password change (SECURITY_SEND_PASSWORD_CHANGE_EMAIL), in the change's transaction. */
export async function notifyPasswordChange(user: Pick<UserRecord, "email">, db: Queryable): Promise<void> {
  const config = getConfig();
  if (!config.emails.sendPasswordChange) return;
  const resetLink = config.features.recoverable ? links.forgotPassword() : null;
  await queueEmail("change_notice", user.email, { appName: config.appName, email: user.email, resetLink }, db);
}
