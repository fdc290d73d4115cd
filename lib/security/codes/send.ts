import "server-only";
import { getDb } from "@/lib/db";
import type { Locale } from "@/lib/i18n/locales";
import { localeOrDefault, translatorFor } from "@/lib/i18n/translator";
import { queueSms } from "@/lib/outbox/queue";
import { getConfig } from "../config";
import { tryDecryptSecret } from "../core/encryption";
import { fail, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import type { UserRecord } from "../accounts/users";
import { rulesFor, type CodePurpose } from "./purposes";
import type { CodeMethodRow } from "./store";
import { currentTotpCode } from "./totp";

/** Where a one-time code goes: the current code of `secret`, by email or text message. */
export interface CodeDelivery {
  method: "email" | "sms";
  secret: string;
  phone: string | null;
  /** The last time step already used: the code sent is never one that was spent. */
  lastTimeStep?: number;
}

/**
 * Puts the current code in the outbox (email or text) with its event, within the per-user send
 * budget (an inbox or phone cannot be flooded) and, for texts, the per-number and global budgets
 * (toll fraud: SECURITY_SMS_LIMIT_*). Delivery happens after the response, so a slow or failing
 * provider never fails the page; a spent budget is FAILED_TO_SEND_CODE or RATE_LIMITED. A sign-in
 * code's email may carry a sign-in link (`loginLink`).
 */
export async function sendCode(
  purpose: CodePurpose,
  user: Pick<UserRecord, "id" | "email" | "locale">,
  delivery: CodeDelivery,
  ctx: RequestContext,
  loginLink: string | null = null,
): Promise<Result> {
  if (delivery.method === "sms" && !delivery.phone) return fail("PHONE_INVALID");
  const budget = await consumeRateLimit(RATE_LIMITS.codesSentPerUser, user.id);
  if (!budget.ok) return fail("RATE_LIMITED", undefined, budget.retryAfter);
  if (delivery.method === "sms" && delivery.phone && !(await smsBudgetAllows(delivery.phone))) {
    console.error("[gatehouse] SMS budget spent (SECURITY_SMS_LIMIT_PER_NUMBER / _GLOBAL): a code was not sent");
    return fail("FAILED_TO_SEND_CODE");
  }
  const rules = rulesFor(purpose);
  const code = await currentTotpCode(delivery.secret, delivery.lastTimeStep);
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (delivery.method === "sms" && delivery.phone) await queueSms(delivery.phone, ...smsText(user.locale, code), tx);
    else await rules.queueCodeEmail(user, code, loginLink, tx);
    await recordEvent(rules.sentEvent, { userId: user.id, ctx, data: rules.sentEventData(delivery.method, Boolean(loginLink)) }, tx);
  });
  return { ok: true };
}

/** The text and its language: the recipient's (users.locale), whoever's request sends it, else SECURITY_DEFAULT_LOCALE. */
function smsText(stored: string | null, code: string): [string, Locale] {
  const locale = localeOrDefault(stored);
  return [translatorFor(locale, "sms")("code", { appName: getConfig().appName, code }), locale];
}

/** Sends the current code of a saved email or SMS method (an authenticator's codes are in the app). */
export function sendSavedCode(
  purpose: CodePurpose,
  user: Pick<UserRecord, "id" | "email" | "locale">,
  row: CodeMethodRow & { phone: string | null },
  ctx: RequestContext,
  loginLink: string | null = null,
): Promise<Result> {
  if (row.method !== "email" && row.method !== "sms") return Promise.resolve(fail(rulesFor(purpose).notAvailable));
  const secret = tryDecryptSecret(row.secretEncrypted);
  if (secret === null) return Promise.resolve(fail("SECRET_UNAVAILABLE"));
  return sendCode(purpose, user, { method: row.method, secret, phone: row.phone, lastTimeStep: row.lastTimeStep }, ctx, loginLink);
}

/** Texts cost money: each number, and the whole site, has a budget an operator sets. */
async function smsBudgetAllows(phone: string): Promise<boolean> {
  const { limitPerNumber, limitGlobal } = getConfig().sms;
  const [perNumber, global] = await Promise.all([
    consumeRateLimit({ bucket: "sms:number", ...limitPerNumber }, phone),
    consumeRateLimit({ bucket: "sms:global", ...limitGlobal }, "all"),
  ]);
  return perNumber.ok && global.ok;
}
