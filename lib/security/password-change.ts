import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { sendEmail } from "@/lib/mail";
import { getConfig } from "./config";
import { fail, messageFor, type Result } from "./errors";
import { recordEvent } from "./events";
import { hashToken } from "./crypto";
import { links } from "./links";
import { hashPassword, normalizePassword, verifyPassword } from "./password";
import { checkPasswordPolicy } from "./password-policy";
import { consumeRateLimit, RATE_LIMITS } from "./rate-limit";
import type { RequestContext } from "./request-context";
import { deleteOtherSessions, reissueSession, type NewSession, type SessionRecord } from "./sessions";
import { revokeTokens } from "./tokens";
import { setUniquifier, type UserRecord } from "./users";

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
  if (!user.passwordHash || !(await verifyPassword(user.passwordHash, input.password))) {
    await recordEvent("user_failed_authn", { userId: user.id, ctx, data: { authType: "password", during: "change_password" } });
    return fail("INVALID_PASSWORD", { password: [messageFor("INVALID_PASSWORD")] });
  }
  if (normalizePassword(input.newPassword) === normalizePassword(input.password)) {
    return fail("PASSWORD_IS_THE_SAME", { newPassword: [messageFor("PASSWORD_IS_THE_SAME")] });
  }
  const policyError = await checkPasswordPolicy(input.newPassword, { email: user.email, username: user.username });
  if (policyError) return fail(policyError, { newPassword: [messageFor(policyError)] });
  const passwordHash = await hashPassword(input.newPassword);

  const db = await getDb();
  const session = await db.transaction(async (tx) => {
    await tx.update(tables.users).set({ passwordHash, updatedAt: sql`now()` }).where(eq(tables.users.id, user.id));
    const uniquifier = await setUniquifier(user.id, tx);
    await revokeTokens(user.id, "reset", tx);
    const reissued = await reissueSession(current, uniquifier, tx);
    await deleteOtherSessions(user.id, hashToken(reissued.token), tx);
    await recordEvent("password_changed", { userId: user.id, ctx }, tx);
    return reissued;
  });
  if (config.emails.sendPasswordChange) {
    await sendEmail("change_notice", user.email, {
      appName: config.appName,
      email: user.email,
      resetLink: config.features.recoverable ? links.forgotPassword() : null,
    });
  }
  return { ok: true, session };
}
