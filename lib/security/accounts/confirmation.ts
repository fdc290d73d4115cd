import "server-only";
import { and, eq, isNull, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { getConfig } from "../config";
import { humanizeDuration } from "../config/duration";
import { fail, messageFor, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { answerEmailRequest } from "./mailable";
import { links } from "../core/links";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { emailOnlySchema } from "../core/schemas";
import { parseInput } from "../core/parse-input";
import { consumeToken, issueToken, peekToken } from "../core/tokens";
import { findUserByEmail, findUserById, type UserRecord } from "./users";

/**
 * Confirms an email address from its emailed link. The token is single-use and bound to the
 * address it was sent to: after an email change it no longer confirms anything.
 */
export async function confirmEmail(token: string, ctx: RequestContext): Promise<Result<{ user: UserRecord }>> {
  const db = await getDb();
  return db.transaction(async (tx) => {
    const used = await consumeToken("confirm", token, tx);
    if (used.status === "expired") return fail("CONFIRMATION_EXPIRED");
    if (used.status === "used") return fail("ALREADY_CONFIRMED");
    if (used.status !== "valid") return fail("INVALID_CONFIRMATION_TOKEN");
    const user = await findUserById(used.userId, tx);
    if (!user || user.emailNormalized !== used.payload.email) return fail("INVALID_CONFIRMATION_TOKEN");
    if (user.confirmedAt) return fail("ALREADY_CONFIRMED");
    const [confirmed] = await tx
      .update(tables.users)
      .set({ confirmedAt: sql`now()`, updatedAt: sql`now()` })
      .where(eq(tables.users.id, user.id))
      .returning();
    await recordEvent("user_confirmed", { userId: user.id, ctx }, tx);
    return { ok: true, user: confirmed ?? user };
  });
}

/**
 * What opening a confirmation link shows, without using it (the page asks for a click before it
 * confirms): valid, or the failure confirming would give.
 */
export async function checkConfirmationToken(token: string): Promise<Result> {
  const found = await peekToken("confirm", token);
  if (found.status === "expired") return fail("CONFIRMATION_EXPIRED");
  if (found.status === "used") return fail("ALREADY_CONFIRMED");
  if (found.status !== "valid") return fail("INVALID_CONFIRMATION_TOKEN");
  const user = await findUserById(found.userId);
  if (!user || user.emailNormalized !== found.payload.email) return fail("INVALID_CONFIRMATION_TOKEN");
  return user.confirmedAt ? fail("ALREADY_CONFIRMED") : { ok: true };
}

/** Confirms an address proven another way (an emailed sign-in link was opened); no-op when already confirmed. */
export async function markConfirmed(userId: string, ctx?: RequestContext): Promise<void> {
  await (
    await getDb()
  ).transaction(async (tx) => {
    const rows = await tx
      .update(tables.users)
      .set({ confirmedAt: sql`now()`, updatedAt: sql`now()` })
      .where(and(eq(tables.users.id, userId), isNull(tables.users.confirmedAt)))
      .returning({ id: tables.users.id });
    if (rows.length) await recordEvent("user_confirmed", { userId, ctx, data: { via: "sign-in link" } }, tx);
  });
}

/**
 * Sends a fresh confirmation link. Under generic responses every well-formed address gets the
 * same answer, in the same time (the look-up and the mail happen after it); only an unconfirmed
 * account's owner actually receives mail.
 */
/** The resend form (page or JSON API): its email checked, then the link sent (or not, alike). */
export async function resendConfirmationForm(fields: unknown, ctx: RequestContext): Promise<Result> {
  const parsed = parseInput(emailOnlySchema, fields);
  return parsed.ok ? resendConfirmation(parsed.data.email, ctx) : parsed;
}

export async function resendConfirmation(email: string, ctx: RequestContext): Promise<Result> {
  const request = { flow: "confirmation resend", enabled: getConfig().features.confirmable, budget: RATE_LIMITS.confirmResendPerIp };
  return answerEmailRequest(request, email, ctx, () => sendConfirmationInstructions(email, ctx));
}

/** The look-up and the mail of a resend (see resendConfirmation). */
async function sendConfirmationInstructions(email: string, ctx: RequestContext): Promise<Result> {
  const config = getConfig();
  const user = await findUserByEmail(email);
  if (!user) return fail("USER_DOES_NOT_EXIST", { email: [messageFor("USER_DOES_NOT_EXIST")] });
  if (user.confirmedAt) return fail("ALREADY_CONFIRMED");
  const mailBudget = await consumeRateLimit(RATE_LIMITS.emailsPerAddress, user.emailNormalized);
  if (!mailBudget.ok) return fail("RATE_LIMITED", undefined, mailBudget.retryAfter);
  const db = await getDb();
  await db.transaction(async (tx) => {
    const { token } = await issueToken("confirm", user.id, config.within.confirmEmail, { email: user.emailNormalized }, tx);
    const within = humanizeDuration(config.within.confirmEmail);
    await queueEmail(
      "confirmation_instructions",
      user.email,
      { appName: config.appName, email: user.email, confirmationLink: links.confirm(token), within },
      tx,
    );
    await recordEvent("confirm_instructions_sent", { userId: user.id, ctx }, tx);
  });
  return { ok: true };
}
