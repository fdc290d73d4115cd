import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, tables, transactionWithAbort } from "@/lib/db";
import { proposeMethod } from "./delivery";
import { getConfig, type CodeMethod } from "../config";
import { tryDecryptSecret } from "../core/encryption";
import { fail, messageFor, type Failure, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { countPasskeys } from "../passkeys/credentials";
import { maskPhone, normalizePhone } from "../accounts/phone";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { consumeToken, peekToken } from "../core/tokens";
import { verifyTotp } from "./totp";
import type { UserRecord } from "../accounts/users";
import { codeWindow, deliverCode, isCodeMethodEnabled, listSignInMethods, notifyMethodChange, saveSignInMethod } from "./sign-in-methods";

export interface MethodSetupStarted {
  setupToken: string;
  method: CodeMethod;
  /** Authenticator only: what the QR code and the typed key show. */
  secret: string | null;
  uri: string | null;
  /** Email/SMS only: where the code went (phones masked). */
  sentTo: string | null;
}

/**
 * Step 1 of adding a sign-in method (fresh session): a new secret of its own, kept encrypted in
 * a setup token (US_SETUP_WITHIN), and for email/SMS a code (no link). Nothing changes until
 * step 2 proves the method works. Whether a phone is already another account's is not said
 * here — that would let anyone with an account test numbers — but only once its code proves the
 * asker holds the phone (step 2).
 */
export async function startMethodSetup(user: UserRecord, input: { method: string; phone?: string | null }, ctx: RequestContext): Promise<Result<MethodSetupStarted>> {
  const config = getConfig();
  const budget = await consumeRateLimit(RATE_LIMITS.methodSetupsPerUser, user.id);
  if (!budget.ok) return fail("RATE_LIMITED", undefined, budget.retryAfter);
  if (!isCodeMethodEnabled(input.method)) return fail("US_METHOD_NOT_AVAILABLE");
  const method = input.method;
  let phone: string | null = null;
  if (method === "sms") {
    phone = normalizePhone(input.phone ?? "");
    if (!phone) return fail("PHONE_INVALID", { phone: ["Phone number not valid e.g. missing country code"] });
  }
  const proposed = await proposeMethod(user, {
    purpose: "us-setup",
    within: config.unified.setupWithin,
    method,
    phone,
    send: (delivery) => deliverCode(user, delivery, ctx),
  });
  if (!proposed.ok) return proposed;
  return {
    ok: true,
    setupToken: proposed.setupToken,
    method,
    secret: proposed.uri ? proposed.secret : null,
    uri: proposed.uri,
    sentTo: method === "sms" && phone ? maskPhone(phone) : method === "email" ? user.email : null,
  };
}

/** Step 2: the code proves the method; it is saved. A wrong code changes nothing. */
export async function confirmMethodSetup(user: UserRecord, input: { setupToken: string; code: string }, ctx: RequestContext): Promise<Result<{ method: CodeMethod }>> {
  const budget = await consumeRateLimit(RATE_LIMITS.codeChecksPerUser, user.id);
  if (!budget.ok) return fail("RATE_LIMITED", undefined, budget.retryAfter);
  const found = await peekToken("us-setup", input.setupToken);
  if (found.status !== "valid" || found.userId !== user.id || found.payload.uniquifier !== user.uniquifier) return fail("US_SETUP_EXPIRED");
  const method = found.payload.method as CodeMethod;
  if (!isCodeMethodEnabled(method)) return fail("US_METHOD_NOT_AVAILABLE");
  const secret = tryDecryptSecret(found.payload.secret ?? "");
  if (secret === null) return fail("SECRET_UNAVAILABLE");
  const check = await verifyTotp(secret, input.code, codeWindow(method), 0);
  if (!check.valid) return fail("INVALID_PASSWORD_CODE", { code: [messageFor("TWO_FACTOR_INVALID_TOKEN")] });
  const db = await getDb();
  // One transaction: of two concurrent confirmations only one uses the token and saves; a phone
  // taken meanwhile rolls everything back, the token included.
  return transactionWithAbort(db, async (tx, abort: (f: Failure) => never): Promise<Result<{ method: CodeMethod }>> => {
    const used = await consumeToken("us-setup", input.setupToken, tx);
    if (used.status !== "valid") return fail("US_SETUP_EXPIRED");
    const saved = await saveSignInMethod(user.id, { method, secret, phone: found.payload.phone || null, timeStep: check.timeStep }, tx);
    // The confirm form has no phone field: the message is the form's own.
    if (!saved.ok) abort(fail("IDENTITY_ALREADY_ASSOCIATED"));
    await recordEvent("us_profile_changed", { userId: user.id, ctx, data: { method, change: "added" } }, tx);
    await notifyMethodChange(user, "added", method, tx);
    return { ok: true, method };
  });
}

/** The ways an account can sign in, to refuse removing the last one. */
export async function signInWays(user: Pick<UserRecord, "id" | "passwordHash">): Promise<{ password: boolean; methods: CodeMethod[]; passkeys: number }> {
  const [methods, passkeys] = await Promise.all([listSignInMethods(user.id), countPasskeys(user.id, "first")]);
  return { password: Boolean(user.passwordHash), methods: methods.map((m) => m.method as CodeMethod), passkeys };
}

/** Removes a sign-in method immediately (fresh session), unless it is the last way to sign in. */
export async function removeSignInMethod(user: UserRecord, method: string, ctx: RequestContext): Promise<Result> {
  if (!isCodeMethodEnabled(method)) return fail("US_METHOD_NOT_AVAILABLE");
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<Result<{ removed: boolean }>> => {
    // Locking the user row serialises removals: two at once cannot both see "another way left".
    const [locked] = await tx.select({ passwordHash: tables.users.passwordHash }).from(tables.users).where(eq(tables.users.id, user.id)).for("update");
    if (!locked) return fail("US_METHOD_NOT_AVAILABLE");
    const methods = (await listSignInMethods(user.id, tx)).map((m) => m.method);
    if (!methods.includes(method)) return fail("US_METHOD_NOT_AVAILABLE");
    const [passkeys] = await tx
      .select({ n: sql<number>`count(*)::int` })
      .from(tables.webauthnCredentials)
      .where(and(eq(tables.webauthnCredentials.userId, user.id), eq(tables.webauthnCredentials.usage, "first")));
    const otherWays = (locked.passwordHash ? 1 : 0) + (getConfig().webauthn.enabled ? (passkeys?.n ?? 0) : 0) + methods.length - 1;
    if (otherWays < 1) return fail("US_LAST_SIGN_IN_METHOD");
    const removed = await tx
      .delete(tables.signInMethods)
      .where(and(eq(tables.signInMethods.userId, user.id), eq(tables.signInMethods.method, method)))
      .returning({ method: tables.signInMethods.method });
    if (removed.length) {
      await recordEvent("us_profile_changed", { userId: user.id, ctx, data: { method, change: "removed" } }, tx);
      await notifyMethodChange(user, "removed", method, tx);
    }
    return { ok: true, removed: removed.length > 0 };
  });
  return outcome.ok ? { ok: true } : outcome;
}
