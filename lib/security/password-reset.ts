import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { sendEmail } from "@/lib/mail";
import { getConfig } from "./config";
import { humanizeDuration } from "./duration";
import { fail, messageFor, type Result } from "./errors";
import { recordEvent } from "./events";
import { validateEmail } from "./identity";
import { links } from "./links";
import { burnPasswordCheck, hashPassword } from "./password";
import { checkPasswordPolicy } from "./password-policy";
import { consumeRateLimit, RATE_LIMITS } from "./rate-limit";
import type { RequestContext } from "./request-context";
import { consumeToken, issueToken, peekToken, revokeTokens } from "./tokens";
import { findUserByEmail, findUserById, setUniquifier } from "./users";

/**
 * Emails a reset link. Under generic responses the answer is the same for every well-formed
 * address; unknown, disabled and unconfirmed accounts get no mail.
 */
export async function requestPasswordReset(email: string, ctx: RequestContext): Promise<Result> {
  const config = getConfig();
  if (!config.features.recoverable) return fail("API_ERROR");
  const limited = await consumeRateLimit(RATE_LIMITS.forgotPerIp, ctx.ip);
  if (!limited.ok) return fail("RATE_LIMITED", undefined, limited.retryAfter);
  const emailError = validateEmail(email);
  if (emailError) return fail(emailError, { email: [messageFor(emailError)] });

  const generic = config.genericResponses;
  const user = await findUserByEmail(email);
  const refusal = !user
    ? "USER_DOES_NOT_EXIST"
    : !user.active
      ? "DISABLED_ACCOUNT"
      : config.features.confirmable && !user.confirmedAt
        ? "CONFIRMATION_REQUIRED"
        : null;
  if (!user || refusal) {
    if (generic) {
      await burnPasswordCheck(email);
      return { ok: true };
    }
    return fail(refusal ?? "USER_DOES_NOT_EXIST", { email: [messageFor(refusal ?? "USER_DOES_NOT_EXIST")] });
  }
  const mailBudget = await consumeRateLimit(RATE_LIMITS.emailsPerAddress, user.emailNormalized);
  if (!mailBudget.ok) return generic ? { ok: true } : fail("RATE_LIMITED", undefined, mailBudget.retryAfter);

  // Bound to the current uniquifier: a reset, a password change or an admin reset kills it.
  const { token } = await issueToken("reset", user.id, config.within.resetPassword, { uniquifier: user.uniquifier });
  await sendEmail("reset_instructions", user.email, {
    appName: config.appName,
    email: user.email,
    resetLink: links.resetPassword(token),
    within: humanizeDuration(config.within.resetPassword),
  });
  await recordEvent("reset_password_instructions_sent", { userId: user.id, ctx });
  return { ok: true };
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
 * other reset link ends) and does not sign the user in.
 */
export async function resetPassword(
  input: { token: string; password: string },
  ctx: RequestContext,
): Promise<Result<{ email: string }>> {
  const config = getConfig();
  const state = await checkResetToken(input.token);
  if (state === "expired") return fail("PASSWORD_RESET_EXPIRED");
  if (state === "invalid") return fail("INVALID_RESET_PASSWORD_TOKEN");
  const found = await peekToken("reset", input.token);
  const owner = found.status === "valid" ? await findUserById(found.userId) : null;
  const policyError = await checkPasswordPolicy(input.password, { email: owner?.email, username: owner?.username });
  if (policyError) return fail(policyError, { password: [messageFor(policyError)] });
  const passwordHash = await hashPassword(input.password);

  const db = await getDb();
  const outcome = await db.transaction(async (tx) => {
    const used = await consumeToken("reset", input.token, tx);
    if (used.status === "expired") return fail("PASSWORD_RESET_EXPIRED");
    if (used.status !== "valid") return fail("INVALID_RESET_PASSWORD_TOKEN");
    const user = await findUserById(used.userId, tx);
    if (!user || user.uniquifier !== used.payload.uniquifier) return fail("INVALID_RESET_PASSWORD_TOKEN");
    await tx
      .update(tables.users)
      .set({ passwordHash, failedLoginCount: 0, updatedAt: sql`now()` })
      .where(eq(tables.users.id, user.id));
    await setUniquifier(user.id, tx);
    await revokeTokens(user.id, "reset", tx);
    await tx.delete(tables.sessions).where(eq(tables.sessions.userId, user.id));
    await recordEvent("password_reset", { userId: user.id, ctx }, tx);
    return { ok: true as const, email: user.email };
  });
  if (outcome.ok && config.emails.sendPasswordResetNotice) {
    await sendEmail("reset_notice", outcome.email, { appName: config.appName, email: outcome.email, signInLink: links.login() });
  }
  return outcome;
}
