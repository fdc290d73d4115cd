import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { getConfig } from "../config";
import { humanizeDuration } from "../config/duration";
import { fail, isUniqueViolation, messageFor, type Failure, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { afterTheAnswer } from "../core/after-the-answer";
import { links } from "../core/links";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { consumeToken, issueToken, peekToken, revokeTokens, type TokenPurpose } from "../core/tokens";
import { normalizeEmail, validateEmail } from "../accounts/identity";
import { findUserByEmail, findUserById, type UserRecord } from "../accounts/users";
import { issueResetLink } from "../passwords/reset";

/**
 * Changing the email address (Flask-Security's /change-email, and more). The new address gets a
 * single-use link that expires (SECURITY_CHANGE_EMAIL_WITHIN); nothing changes until it is used,
 * so sign-in keeps the old address meanwhile. Beyond Flask-Security, the old address is told at
 * once, with a link that cancels the change and one to reset the password: a stolen session
 * cannot move the account to a new inbox without its owner hearing of it. Decision 027.
 */

/** Links mailed to the old address: once it no longer owns the account they must not work. */
const OLD_ADDRESS_LINKS: TokenPurpose[] = ["confirm", "reset", "magic", "unlock"];

export async function requestEmailChange(user: UserRecord, newEmail: string, ctx: RequestContext): Promise<Result<{ email: string }>> {
  const config = getConfig();
  if (!config.features.changeEmail) return fail("API_ERROR");
  const limited = await consumeRateLimit(RATE_LIMITS.changeEmailPerUser, user.id);
  if (!limited.ok) return fail("RATE_LIMITED", undefined, limited.retryAfter);
  const emailError = validateEmail(newEmail);
  if (emailError) return fail(emailError, { email: [messageFor(emailError)] });
  const email = newEmail.trim().normalize("NFKC");
  if (normalizeEmail(email) === user.emailNormalized) return fail("EMAIL_IS_THE_SAME", { email: [messageFor("EMAIL_IS_THE_SAME")] });
  if (!config.genericResponses) return sendChangeInstructions(user, email, ctx);
  // A taken address must answer like a free one, in words and in time (the mail waits).
  await afterTheAnswer("email change request", () => sendChangeInstructions(user, email, ctx));
  return { ok: true, email };
}

/** The look-up and the mail of a change request (see requestEmailChange). */
async function sendChangeInstructions(user: UserRecord, email: string, ctx: RequestContext): Promise<Result<{ email: string }>> {
  const config = getConfig();
  if (await findUserByEmail(email)) {
    // Under generic responses the caller already has its answer; nothing is sent to anyone.
    return config.genericResponses ? { ok: true, email } : fail("EMAIL_ALREADY_ASSOCIATED", { email: [messageFor("EMAIL_ALREADY_ASSOCIATED")] });
  }
  const mailBudget = await consumeRateLimit(RATE_LIMITS.emailsPerAddress, normalizeEmail(email));
  if (!mailBudget.ok) return fail("RATE_LIMITED", undefined, mailBudget.retryAfter);
  const within = humanizeDuration(config.within.changeEmail);
  const db = await getDb();
  await db.transaction(async (tx) => {
    // One change pending at a time: a newer request ends the older one's links.
    await revokeTokens(user.id, ["change-email", "change-email-cancel"], tx);
    const bound = { uniquifier: user.uniquifier, oldEmail: user.emailNormalized, newEmail: email };
    const change = await issueToken("change-email", user.id, config.within.changeEmail, bound, tx);
    const cancel = await issueToken("change-email-cancel", user.id, config.within.changeEmail, {}, tx);
    const props = { appName: config.appName, currentEmail: user.email, newEmail: email, link: links.changeEmail(change.token), within };
    await queueEmail("change_email_instructions", email, props, tx);
    const resetLink = config.features.recoverable ? await issueResetLink(user, tx) : null;
    const cancelLink = links.cancelEmailChange(cancel.token);
    await queueEmail("change_email_requested", user.email, { appName: config.appName, email: user.email, newEmail: email, cancelLink, resetLink, within }, tx);
    await recordEvent("change_email_instructions_sent", { userId: user.id, ctx, data: { newEmail: email } }, tx);
  });
  return { ok: true, email };
}

export type EmailChangeLink = { state: "valid"; newEmail: string } | { state: "expired" | "invalid" };

/** For rendering the link's page: is it still good, and to which address? (Does not use it up.) */
export async function checkEmailChangeToken(token: string): Promise<EmailChangeLink> {
  const found = await peekToken("change-email", token);
  if (found.status === "expired") return { state: "expired" };
  if (found.status !== "valid" || !found.payload.newEmail) return { state: "invalid" };
  const user = await findUserById(found.userId);
  return user && isStillBound(user, found.payload) ? { state: "valid", newEmail: found.payload.newEmail } : { state: "invalid" };
}

/**
 * Uses the link: the address changes (and counts as confirmed: the link proved it), every link
 * mailed to the old address ends, and the old address is told. The token's single-use UPDATE
 * makes a doubled click work once; the unique index on the address decides two accounts racing
 * for it, and the loser hears EMAIL_ALREADY_ASSOCIATED, not a 500.
 */
export async function confirmEmailChange(token: string, ctx: RequestContext): Promise<Result<{ userId: string; email: string }>> {
  const config = getConfig();
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const used = await consumeToken("change-email", token, tx);
      if (used.status === "expired") return expired();
      if (used.status !== "valid") return fail("INVALID_CHANGE_EMAIL_TOKEN");
      const user = await findUserById(used.userId, tx);
      const newEmail = used.payload.newEmail;
      if (!user || !newEmail || !isStillBound(user, used.payload)) return fail("INVALID_CHANGE_EMAIL_TOKEN");
      // Taken since the request: refused (and the token stays used; a new request is needed).
      if (await findUserByEmail(newEmail, tx)) return fail("EMAIL_ALREADY_ASSOCIATED");
      await tx
        .update(tables.users)
        .set({ email: newEmail, emailNormalized: normalizeEmail(newEmail), confirmedAt: sql`now()`, updatedAt: sql`now()` })
        .where(eq(tables.users.id, user.id));
      await revokeTokens(user.id, [...OLD_ADDRESS_LINKS, "change-email-cancel"], tx);
      await recordEvent("change_email_confirmed", { userId: user.id, ctx, data: { oldEmail: user.email, newEmail } }, tx);
      await queueEmail("change_email_notice", user.email, { appName: config.appName, oldEmail: user.email, newEmail }, tx);
      return { ok: true as const, userId: user.id, email: newEmail };
    });
  } catch (error) {
    // Another account took the address between our look-up and the write (the unique index).
    if (isUniqueViolation(error)) return fail("EMAIL_ALREADY_ASSOCIATED");
    throw error;
  }
}

/** Thrown inside the cancel transaction to roll its revocation back. */
class CancelRefused extends Error {}

/**
 * The old address's "this was not me": the pending change's links end. The change link's row is
 * locked before the cancel link's, in the order confirmEmailChange takes them, so a cancel and a
 * confirmation racing each other wait instead of deadlocking; whichever is first wins.
 */
export async function cancelEmailChange(token: string, ctx: RequestContext): Promise<Result<{ cancelled: boolean }>> {
  const peeked = await peekToken("change-email-cancel", token);
  if (peeked.status !== "valid") return fail("INVALID_CHANGE_EMAIL_TOKEN");
  const db = await getDb();
  try {
    return await db.transaction(async (tx) => {
      const revoked = await revokeTokens(peeked.userId, ["change-email"], tx);
      const used = await consumeToken("change-email-cancel", token, tx);
      if (used.status !== "valid") throw new CancelRefused();
      if (revoked) await recordEvent("change_email_cancelled", { userId: used.userId, ctx }, tx);
      return { ok: true as const, cancelled: revoked > 0 };
    });
  } catch (error) {
    if (error instanceof CancelRefused) return fail("INVALID_CHANGE_EMAIL_TOKEN");
    throw error;
  }
}

/** The link still describes the account: same sign-in state (a reset or password change ends it) and the same old address. */
function isStillBound(user: UserRecord, payload: Record<string, string>): boolean {
  return user.uniquifier === payload.uniquifier && user.emailNormalized === payload.oldEmail;
}

function expired(): Failure {
  return { ...fail("CHANGE_EMAIL_EXPIRED"), params: { within: humanizeDuration(getConfig().within.changeEmail) } };
}
