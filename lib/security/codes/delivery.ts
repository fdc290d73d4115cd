import "server-only";
import { getDb, type Queryable } from "@/lib/db";
import { queueSms } from "@/lib/outbox/queue";
import { getConfig } from "../config";
import { fail, type Result } from "../core/errors";
import { recordEvent, type SecurityEventType } from "../core/events";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { encryptSecret } from "../core/encryption";
import { issueToken } from "../core/tokens";
import { currentTotpCode, newTotpSecret, totpUri } from "./totp";
import type { UserRecord } from "../accounts/users";

/** Where a one-time code goes: the current code of `secret`, by email or text message. */
export interface CodeDelivery {
  method: "email" | "sms";
  secret: string;
  phone: string | null;
  /** The last time step already used: the code sent is never one that was spent. */
  lastTimeStep?: number;
}

/** What differs between two-factor codes and sign-in codes: the email, the event. */
export interface CodeMessage {
  queueEmail: (code: string, db: Queryable) => Promise<void>;
  event: SecurityEventType;
  eventData?: Record<string, unknown>;
}

/**
 * Puts the current code in the outbox (email or text) with its event, within the per-user send
 * budget (an inbox or phone cannot be flooded) and, for texts, the per-number and global budgets
 * (toll fraud: SECURITY_SMS_LIMIT_*). Delivery happens after the response, so a slow or failing
 * provider never fails the page; a spent budget is FAILED_TO_SEND_CODE or RATE_LIMITED.
 */
export async function sendOneTimeCode(user: Pick<UserRecord, "id">, delivery: CodeDelivery, message: CodeMessage, ctx: RequestContext): Promise<Result> {
  if (delivery.method === "sms" && !delivery.phone) return fail("PHONE_INVALID");
  const budget = await consumeRateLimit(RATE_LIMITS.codesSentPerUser, user.id);
  if (!budget.ok) return fail("RATE_LIMITED", undefined, budget.retryAfter);
  if (delivery.method === "sms" && delivery.phone && !(await smsBudgetAllows(delivery.phone))) {
    console.error("[gatehouse] SMS budget spent (SECURITY_SMS_LIMIT_PER_NUMBER / _GLOBAL): a code was not sent");
    return fail("FAILED_TO_SEND_CODE");
  }
  const code = await currentTotpCode(delivery.secret, delivery.lastTimeStep);
  const db = await getDb();
  await db.transaction(async (tx) => {
    if (delivery.method === "sms" && delivery.phone) await queueSms(delivery.phone, `Use this code to sign in to ${getConfig().appName}: ${code}`, tx);
    else await message.queueEmail(code, tx);
    await recordEvent(message.event, { userId: user.id, ctx, data: { method: delivery.method, ...message.eventData } }, tx);
  });
  return { ok: true };
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

/** A method being set up, before a code from it proves it works. */
export interface ProposedMethod {
  setupToken: string;
  secret: string;
  /** Authenticator only: the otpauth:// URI for the QR code. */
  uri: string | null;
}

/**
 * Step 1 of setting up a code method (two-factor or sign-in): a new secret, kept encrypted in a
 * setup token (`purpose`, valid `within` seconds, bound to the uniquifier) rather than on the
 * user, and for email/SMS the first code, sent with `send`. Nothing changes until a code proves it.
 */
export async function proposeMethod(
  user: Pick<UserRecord, "id" | "email" | "uniquifier">,
  input: {
    purpose: "tf-setup" | "us-setup";
    within: number;
    method: "authenticator" | "email" | "sms";
    phone: string | null;
    send: (delivery: CodeDelivery) => Promise<Result>;
  },
): Promise<Result<ProposedMethod>> {
  const secret = newTotpSecret();
  const { token } = await issueToken(input.purpose, user.id, input.within, {
    method: input.method,
    secret: encryptSecret(secret),
    phone: input.phone ?? "",
    uniquifier: user.uniquifier,
  });
  if (input.method === "authenticator") {
    return { ok: true, setupToken: token, secret, uri: totpUri(secret, getConfig().twoFactor.totpIssuer, user.email) };
  }
  const sent = await input.send({ method: input.method, secret, phone: input.phone });
  return sent.ok ? { ok: true, setupToken: token, secret, uri: null } : sent;
}
