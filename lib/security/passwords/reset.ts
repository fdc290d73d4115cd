import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { getConfig } from "../config";
import { humanizeDuration } from "../config/duration";
import { fail, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { links } from "../core/links";
import { hashPassword } from "../core/password-hash";
import { checkPasswordPolicy, passwordPolicyFailure } from "./policy";
import { RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { consumeToken, issueToken, peekToken, revokeTokens } from "../core/tokens";
import { removeFactorsFromBeforeConfirmation } from "../accounts/pre-confirmation";
import { findUserById, setUniquifier, type UserRecord } from "../accounts/users";
import { answerEmailRequest, findMailableAccount } from "../accounts/mailable";
import { isLockedByApplication } from "../accounts/application-lock";

/**
 * Emails a reset link. Under generic responses the answer is the same, in words and in time, for
 * every well-formed address (the look-up and the mail happen after it); unknown, disabled and
 * unconfirmed accounts get no mail.
 */
export async function requestPasswordReset(email: string, ctx: RequestContext): Promise<Result> {
  const request = { flow: "password reset request", enabled: getConfig().features.recoverable, budget: RATE_LIMITS.forgotPerIp };
  return answerEmailRequest(request, email, ctx, () => sendResetInstructions(email, ctx));
}

/** The look-up and the mail of a reset request (see requestPasswordReset). */
async function sendResetInstructions(email: string, ctx: RequestContext): Promise<Result> {
  const config = getConfig();
  const found = await findMailableAccount(email);
  if (!found.ok) return found;
  const { user } = found;
  const db = await getDb();
  await db.transaction(async (tx) => {
    const resetLink = await issueResetLink(user, tx);
    await queueEmail(
      "reset_instructions",
      user.email,
      { appName: config.appName, email: user.email, resetLink, within: humanizeDuration(config.within.resetPassword) },
      tx,
    );
    await recordEvent("reset_password_instructions_sent", { userId: user.id, ctx }, tx);
  });
  return { ok: true };
}

/** A reset link, bound to the current uniquifier: a reset, a password change or an admin reset kills it. */
export async function issueResetLink(user: Pick<UserRecord, "id" | "uniquifier">, db: Queryable): Promise<string> {
  const { token } = await issueToken("reset", user.id, getConfig().within.resetPassword, { uniquifier: user.uniquifier }, db);
  return links.resetPassword(token);
}

export type ResetTokenState = "valid" | "invalid" | "expired";

/** For rendering the reset page: is the link still good? (Does not use it up.) */
export async function checkResetToken(token: string): Promise<ResetTokenState> {
  const found = await peekToken("reset", token);
  if (found.status === "expired") return "expired";
  if (found.status !== "valid") return "invalid";
  const user = await findUserById(found.userId);
  return user && user.uniquifier === found.payload.uniquifier ? "valid" : "invalid";
}

/**
 * Sets a new password from a reset link. Policy is checked before the token is used, so a weak
 * password does not burn the link. Success rotates the uniquifier (every session and every
 * other reset link ends) and does not sign the user in (SECURITY_AUTO_LOGIN_AFTER_RESET does, through
 * the sign-in gate: lib/security/sign-in/after-email-link.ts).
 *
 * The link proves the address, so it also confirms it — and whatever was set up on the account
 * before its address was confirmed (passkeys, sign-in methods, two-factor, recovery codes) is
 * removed: someone who registered the address first ("pre-hijacking") must not keep a way in
 * once its owner takes the account. The notice lists what was removed. The new password came by
 * email, so until an independent second factor vouches for it, it counts as the email channel.
 */
export async function resetPassword(input: { token: string; password: string }, ctx: RequestContext): Promise<Result<{ email: string; userId: string }>> {
  const config = getConfig();
  const state = await checkResetToken(input.token);
  if (state === "expired") return fail("PASSWORD_RESET_EXPIRED");
  if (state === "invalid") return fail("INVALID_RESET_PASSWORD_TOKEN");
  const found = await peekToken("reset", input.token);
  const owner = found.status === "valid" ? await findUserById(found.userId) : null;
  // A link sent before the application locked the account is refused, unused (decision 056).
  if (owner && (await isLockedByApplication(owner))) return fail("LOCKED_ACCOUNT");
  const policyError = await checkPasswordPolicy(input.password, { email: owner?.email, username: owner?.username });
  if (policyError) return passwordPolicyFailure(policyError, "password");
  const passwordHash = await hashPassword(input.password);

  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const used = await consumeToken("reset", input.token, tx);
    if (used.status === "expired") return fail("PASSWORD_RESET_EXPIRED");
    if (used.status !== "valid") return fail("INVALID_RESET_PASSWORD_TOKEN");
    const user = await findUserById(used.userId, tx);
    if (!user || user.uniquifier !== used.payload.uniquifier) return fail("INVALID_RESET_PASSWORD_TOKEN");
    const removed = await removeFactorsFromBeforeConfirmation(user, tx);
    await tx
      .update(tables.users)
      .set({ passwordHash, passwordFromReset: true, failedLoginCount: 0, confirmedAt: user.confirmedAt ?? sql`now()`, updatedAt: sql`now()` })
      .where(eq(tables.users.id, user.id));
    await setUniquifier(user.id, tx);
    await revokeTokens(user.id, "reset", tx);
    await tx.delete(tables.sessions).where(eq(tables.sessions.userId, user.id));
    await tx.delete(tables.pendingLogins).where(eq(tables.pendingLogins.userId, user.id));
    await recordEvent("password_reset", { userId: user.id, ctx, data: removed.length ? { removed } : {} }, tx);
    if (!user.confirmedAt) await recordEvent("user_confirmed", { userId: user.id, ctx, data: { via: "reset link" } }, tx);
    if (config.emails.sendPasswordResetNotice) {
      await queueEmail("reset_notice", user.email, { appName: config.appName, email: user.email, signInLink: links.login(), removed }, tx);
    }
    return { ok: true as const, email: user.email, userId: user.id };
  });
  return outcome;
}
