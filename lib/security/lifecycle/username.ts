import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { getConfig } from "../config";
import { fail, isUniqueViolation, messageFor, type Failure, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { links } from "../core/links";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { normalizeUsername, usernameMessage, validateUsername } from "../accounts/identity";
import { answerEmailRequest, findMailableAccount } from "../accounts/mailable";
import { findUserByUsername, type UserRecord } from "../accounts/users";
import { issueResetLink } from "../passwords/reset";

const taken = (): Failure => fail("USERNAME_ALREADY_ASSOCIATED", { username: [messageFor("USERNAME_ALREADY_ASSOCIATED")] });

/**
 * Flask-Security's /change-username: immediate, with a notice email. An empty value removes the
 * username unless SECURITY_USERNAME_REQUIRED. The look-up by name reads the row the update wrote,
 * so the old name stops signing in at once; the unique index decides two accounts racing for one name.
 */
export async function changeUsername(user: UserRecord, input: string, ctx: RequestContext): Promise<Result<{ username: string | null }>> {
  const config = getConfig();
  if (!config.features.changeUsername) return fail("API_ERROR");
  const limited = await consumeRateLimit(RATE_LIMITS.changeUsernamePerUser, user.id);
  if (!limited.ok) return fail("RATE_LIMITED", undefined, limited.retryAfter);
  const trimmed = input.trim();
  if (!trimmed && config.username.required) return fail("USERNAME_NOT_PROVIDED", { username: [messageFor("USERNAME_NOT_PROVIDED")] });
  const error = trimmed ? validateUsername(trimmed) : null;
  if (error) return fail(error, { username: [usernameMessage(error)] });
  const username = trimmed ? trimmed.normalize("NFKD") : null;
  if (username === user.username) return fail("USERNAME_IS_THE_SAME", { username: [messageFor("USERNAME_IS_THE_SAME")] });
  const normalized = username ? normalizeUsername(username) : null;
  const holder = username ? await findUserByUsername(username) : null;
  if (holder && holder.id !== user.id) return taken();

  const db = await getDb();
  try {
    await db.transaction(async (tx) => {
      await tx
        .update(tables.users)
        .set({ username, usernameNormalized: normalized, updatedAt: sql`now()` })
        .where(eq(tables.users.id, user.id));
      await recordEvent("username_changed", { userId: user.id, ctx, data: { oldUsername: user.username, username } }, tx);
      if (config.emails.sendUsernameChange) {
        const resetLink = config.features.recoverable ? await issueResetLink(user, tx) : null;
        await queueEmail(
          "change_username_notice",
          user.email,
          { appName: config.appName, email: user.email, username, oldUsername: user.username, resetLink },
          tx,
        );
      }
    });
  } catch (caught) {
    if (isUniqueViolation(caught)) return taken();
    throw caught;
  }
  return { ok: true, username };
}

/**
 * Flask-Security's /recover-username: emails the account's username. Under generic responses the
 * answer is the same, in words and in time, for every well-formed address; unknown, disabled and
 * unconfirmed accounts get no mail (without them, Flask-Security's refusals).
 */
export async function recoverUsername(email: string, ctx: RequestContext): Promise<Result> {
  const request = { flow: "username recovery", enabled: getConfig().features.usernameRecovery, budget: RATE_LIMITS.recoverUsernamePerIp };
  return answerEmailRequest(request, email, ctx, () => sendUsername(email, ctx));
}

async function sendUsername(email: string, ctx: RequestContext): Promise<Result> {
  const config = getConfig();
  const found = await findMailableAccount(email);
  if (!found.ok) return found;
  const { user } = found;
  const db = await getDb();
  await db.transaction(async (tx) => {
    await queueEmail("username_recovery", user.email, { appName: config.appName, email: user.email, username: user.username, signInLink: links.login() }, tx);
    await recordEvent("username_recovery_email_sent", { userId: user.id, ctx }, tx);
  });
  return { ok: true };
}
