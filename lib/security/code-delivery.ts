import "server-only";
import { sendSms } from "@/lib/sms";
import { getConfig } from "./config";
import { fail, type Result } from "./errors";
import { recordEvent, type SecurityEventType } from "./events";
import { consumeRateLimit, RATE_LIMITS } from "./rate-limit";
import type { RequestContext } from "./request-context";
import { encryptSecret } from "./encryption";
import { issueToken } from "./tokens";
import { currentTotpCode, newTotpSecret, totpUri } from "./totp";
import type { UserRecord } from "./users";

/** Where a one-time code goes: the current code of `secret`, by email or text message. */
export interface CodeDelivery {
  method: "email" | "sms";
  secret: string;
  phone: string | null;
  /** The last time step already used: the code sent is never one that was spent. */
  lastTimeStep?: number;
}

/** What differs between two-factor codes and sign-in codes: the email, the event, the log line. */
export interface CodeMessage {
  sendEmail: (code: string) => Promise<void>;
  event: SecurityEventType;
  eventData?: Record<string, unknown>;
  purpose: string;
}

/**
 * Emails or texts the current code, within the per-user send budget (an inbox or phone cannot be
 * flooded). A transport failure is FAILED_TO_SEND_CODE, logged, never a crash of the page.
 */
export async function sendOneTimeCode(user: Pick<UserRecord, "id">, delivery: CodeDelivery, message: CodeMessage, ctx: RequestContext): Promise<Result> {
  const budget = await consumeRateLimit(RATE_LIMITS.codesSentPerUser, user.id);
  if (!budget.ok) return fail("RATE_LIMITED", undefined, budget.retryAfter);
  const code = await currentTotpCode(delivery.secret, delivery.lastTimeStep);
  try {
    if (delivery.method === "sms") {
      if (!delivery.phone) return fail("PHONE_INVALID");
      await sendSms(delivery.phone, `Use this code to sign in to ${getConfig().appName}: ${code}`);
    } else {
      await message.sendEmail(code);
    }
  } catch (error) {
    console.error(`[gatehouse] sending a ${message.purpose} failed`, error);
    return fail("FAILED_TO_SEND_CODE");
  }
  await recordEvent(message.event, { userId: user.id, ctx, data: { method: delivery.method, ...message.eventData } });
  return { ok: true };
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
