// Helpers for the two-factor integration tests: TOTP codes at chosen times (as an authenticator
// app or a delayed message would produce them), codes read back from the outbox, saved methods,
// and a signed-in-by-password user waiting at the second factor.
import { and, eq } from "drizzle-orm";
import { generate } from "otplib";
import { expect } from "vitest";
import { getDb, tables } from "@/lib/db";
import { listOutbox } from "@/lib/mail/outbox";
import type { TwoFactorMethod } from "@/lib/security/config";
import { decryptSecret } from "@/lib/security/core/encryption";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { normalizePhone } from "@/lib/security/accounts/phone";
import type { RequestContext } from "@/lib/security/core/request-context";
import type { SecurityEventType } from "@/lib/security/core/events";
import { newTotpSecret } from "@/lib/security/codes/totp";
import { saveCodeMethod } from "@/lib/security/codes/store";
import { newCtx, STRONG_PASSWORD } from "./flows";

export const TOTP_STEP = 30;

/** The code `offsetSeconds` from now (negative: a code shown or sent that long ago). */
export function codeAt(secret: string, offsetSeconds = 0): Promise<string> {
  return generate({ secret, epoch: Math.floor(Date.now() / 1000) + offsetSeconds });
}

/**
 * The code of the next 30-second step: still inside every method's window, and later than the
 * step a just-finished setup or sign-in recorded (replay protection refuses that one).
 */
export function nextCode(secret: string): Promise<string> {
  return codeAt(secret, TOTP_STEP);
}

/** A six-digit code that is not `code`. */
export function wrongCode(code: string): string {
  return code
    .split("")
    .map((d) => String((Number(d) + 5) % 10))
    .join("");
}

/** The plaintext secret of a user's saved method. */
export async function savedSecret(userId: string): Promise<string> {
  const row = await twoFactorRow(userId);
  if (!row) throw new Error(`no two-factor method for ${userId}`);
  return decryptSecret(row.secretEncrypted);
}

export async function twoFactorRow(userId: string): Promise<typeof tables.twoFactor.$inferSelect | undefined> {
  const db = await getDb();
  const [row] = await db.select().from(tables.twoFactor).where(eq(tables.twoFactor.userId, userId));
  return row;
}

/**
 * Saves a method directly (no setup round trip) with no time step used yet, so codes from the
 * recent past are still acceptable. Returns the secret.
 */
export async function saveMethod(userId: string, method: TwoFactorMethod, phone: string | null = null): Promise<string> {
  const secret = newTotpSecret();
  const db = await getDb();
  await saveCodeMethod("two-factor", userId, { method, secret, phone, timeStep: 0 }, db);
  return secret;
}

/** The code in the newest "<App>: Your sign-in code" email to `to`. */
export async function latestEmailedCode(to: string): Promise<string> {
  const mails = await listOutbox({ to, limit: 20 });
  const mail = mails.find((m) => /: your sign-in code$/i.test(m.subject ?? ""));
  if (!mail) throw new Error(`no two-factor code email to ${to}; got ${JSON.stringify(mails.map((m) => m.subject))}`);
  return codeIn(mail.text ?? "");
}

export async function emailedCodeCount(to: string): Promise<number> {
  const mails = await listOutbox({ to, limit: 100 });
  return mails.filter((m) => /: your sign-in code$/i.test(m.subject ?? "")).length;
}

/** The code in the newest text message to `phone`. */
export async function latestTextedCode(phone: string): Promise<string> {
  const [sms] = await listOutbox({ to: phone, limit: 1, kind: "sms" });
  if (!sms) throw new Error(`no text message to ${phone}`);
  return codeIn(sms.text ?? "");
}

export async function textCount(phone: string): Promise<number> {
  return (await listOutbox({ to: phone, limit: 100, kind: "sms" })).length;
}

function codeIn(text: string): string {
  // Six digits standing alone: not part of an address such as user-1a123456b@example.com.
  const match = /(?<![\w.@-])(\d{6})(?![\w.@-])/.exec(text);
  if (!match?.[1]) throw new Error(`no six-digit code in:\n${text}`);
  return match[1];
}

/** A valid US mobile-shaped number nobody else in this run uses (outbox rows are read by number). */
export function uniquePhone(): { typed: string; e164: string } {
  for (;;) {
    const exchange = 200 + Math.floor(Math.random() * 800);
    const line = String(Math.floor(Math.random() * 10_000)).padStart(4, "0");
    const typed = `(415) ${exchange}-${line}`;
    const e164 = normalizePhone(typed, "US");
    if (e164) return { typed, e164 };
  }
}

export type SecondFactorPending = { pendingToken: string; state: "ready" | "setup" | "select"; method: string | null };

/** Right password; asserts the outcome is a pending second factor and returns it. */
export async function passwordStep(
  email: string,
  ctx: RequestContext = newCtx(),
  options: { remember?: boolean; deviceCookie?: string } = {},
): Promise<SecondFactorPending> {
  const result = await loginWithPassword(
    { identity: email, password: STRONG_PASSWORD, remember: options.remember ?? false, deviceCookie: options.deviceCookie },
    ctx,
  );
  if (!result.ok) throw new Error(`password step failed: ${result.code}`);
  expect(result.outcome.status).toBe("second-factor");
  if (result.outcome.status !== "second-factor") throw new Error("signed in without a second factor");
  return { pendingToken: result.outcome.pendingToken, state: result.outcome.state, method: result.outcome.method };
}

export async function sessionCount(userId: string): Promise<number> {
  const db = await getDb();
  return (await db.select({ t: tables.sessions.tokenHash }).from(tables.sessions).where(eq(tables.sessions.userId, userId))).length;
}

export async function eventsOf(userId: string, type: SecurityEventType): Promise<(typeof tables.securityEvents.$inferSelect)[]> {
  const db = await getDb();
  return db
    .select()
    .from(tables.securityEvents)
    .where(and(eq(tables.securityEvents.userId, userId), eq(tables.securityEvents.type, type)));
}
