import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, tables, transactionWithAbort, type Queryable } from "@/lib/db";
import { getConfig } from "../config";
import { encryptSecret, tryDecryptSecret } from "../core/encryption";
import { fail, type Failure, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { consumeToken, issueToken, peekToken } from "../core/tokens";
import { maskPhone, normalizePhone } from "../accounts/phone";
import type { UserRecord } from "../accounts/users";
import { rulesFor, type AnyCodeMethod, type CodePurpose } from "./purposes";
import { sendCode } from "./send";
import { saveCodeMethod, type MethodToSave } from "./store";
import type { TotpCheck } from "../core/plugins";
import { newTotpSecret, totpUri, verifyTotp } from "./totp";

/**
 * Setting up a code method, for either purpose, in two steps: a new secret is proposed (and for
 * email/SMS its first code sent), then a code from it proves the method works and only then is it
 * saved — in one transaction with its event and the owner's email. Signed in, the proposal waits
 * in a set-up token bound to the user's uniquifier; during sign-in (sign-in/second-factor-setup.ts)
 * it waits on the pending sign-in, using the same steps below.
 */

/** A method being set up: its new secret, and for an authenticator the otpauth:// URI for the QR code. */
export interface Proposal {
  method: AnyCodeMethod;
  secret: string;
  phone: string | null;
  uri: string | null;
}

export interface SetupStarted {
  /** Opaque, bound to this user; the confirm step sends it back. */
  setupToken: string;
  method: AnyCodeMethod;
  /** Authenticator only: what the QR code and the typed key show. */
  secret: string | null;
  uri: string | null;
  /** Email/SMS only: where the first code went (phones masked). */
  sentTo: string | null;
}

/** Step 1's checks and the new secret: the method is offered, an SMS method has a valid phone. */
export function propose(
  purpose: CodePurpose,
  user: Pick<UserRecord, "email">,
  input: { method: string; phone?: string | null },
): Result<{ proposal: Proposal }> {
  const rules = rulesFor(purpose);
  if (!rules.isEnabled(input.method)) return fail(rules.notAvailable);
  const method = input.method;
  const phone = method === "sms" ? normalizePhone(input.phone ?? "") : null;
  if (method === "sms" && !phone) return fail("PHONE_INVALID", { phone: ["Phone number not valid e.g. missing country code"] });
  const secret = newTotpSecret();
  const uri = method === "authenticator" ? totpUri(secret, getConfig().twoFactor.totpIssuer, user.email) : null;
  return { ok: true, proposal: { method, secret, phone, uri } };
}

/** Sends a proposal's first code (email/SMS); an authenticator needs none. */
export function sendFirstCode(
  purpose: CodePurpose,
  user: Pick<UserRecord, "id" | "email" | "locale">,
  proposal: Proposal,
  ctx: RequestContext,
): Promise<Result> {
  if (proposal.method === "authenticator") return Promise.resolve({ ok: true });
  return sendCode(purpose, user, { method: proposal.method, secret: proposal.secret, phone: proposal.phone }, ctx);
}

/** Step 2's check: a code from the proposed secret, within the method's window. */
export function checkProposedCode(purpose: CodePurpose, method: AnyCodeMethod, secret: string, code: string): Promise<TotpCheck> {
  return verifyTotp(secret, code, rulesFor(purpose).window(method), 0);
}

/**
 * Saves a proven method with its event and the owner's email, in the caller's transaction.
 * `replaced`: the user had one before (the email says changed rather than enabled).
 */
export async function saveProvenMethod(
  purpose: CodePurpose,
  user: UserRecord,
  method: MethodToSave,
  ctx: RequestContext,
  tx: Queryable,
  eventData: Record<string, unknown> = {},
): Promise<Result<{ replaced: boolean }>> {
  const rules = rulesFor(purpose);
  const saved = await saveCodeMethod(purpose, user.id, method, tx);
  if (!saved.ok) return saved;
  await recordEvent(rules.changedEvent, { userId: user.id, ctx, data: { method: method.method, ...eventData } }, tx);
  await rules.queueChangeEmail(user, saved.replaced ? "changed" : "enabled", method.method, tx);
  return saved;
}

/**
 * Step 1, signed in (a fresh session): checks, the proposal kept encrypted in a set-up token, the
 * first code sent. Whether a sign-in phone is already another account's is not said here — that
 * would let anyone with an account test numbers — but only once its code proves the asker holds
 * the phone (step 2).
 */
export async function startCodeSetup(
  purpose: CodePurpose,
  user: UserRecord,
  input: { method: string; phone?: string | null },
  ctx: RequestContext,
): Promise<Result<SetupStarted>> {
  const rules = rulesFor(purpose);
  const budget = await consumeRateLimit(RATE_LIMITS.methodSetupsPerUser, user.id);
  if (!budget.ok) return fail("RATE_LIMITED", undefined, budget.retryAfter);
  const proposed = propose(purpose, user, input);
  if (!proposed.ok) return proposed;
  const { proposal } = proposed;
  if (purpose === "two-factor" && proposal.method === "email" && !(await signsInOtherThanByEmail(user))) return fail("TWO_FACTOR_EMAIL_ONLY_ACCOUNT");
  const { token } = await issueToken(rules.setupToken, user.id, rules.setupWithin, {
    method: proposal.method,
    secret: encryptSecret(proposal.secret),
    phone: proposal.phone ?? "",
    uniquifier: user.uniquifier,
  });
  const sent = await sendFirstCode(purpose, user, proposal, ctx);
  if (!sent.ok) return sent;
  const sentTo = proposal.method === "sms" && proposal.phone ? maskPhone(proposal.phone) : proposal.method === "email" ? user.email : null;
  return { ok: true, setupToken: token, method: proposal.method, secret: proposal.uri ? proposal.secret : null, uri: proposal.uri, sentTo };
}

/**
 * Step 2, signed in: a correct code from the proposed method saves it (replacing a previous
 * two-factor method). One transaction: of two concurrent confirmations only one uses the token
 * and saves; a sign-in phone taken meanwhile rolls everything back, the token included.
 */
export async function confirmCodeSetup(
  purpose: CodePurpose,
  user: UserRecord,
  input: { setupToken: string; code: string },
  ctx: RequestContext,
): Promise<Result<{ method: AnyCodeMethod; changed: boolean }>> {
  const rules = rulesFor(purpose);
  const budget = await consumeRateLimit(RATE_LIMITS.codeChecksPerUser, user.id);
  if (!budget.ok) return fail("RATE_LIMITED", undefined, budget.retryAfter);
  const found = await peekToken(rules.setupToken, input.setupToken);
  if (found.status !== "valid" || found.userId !== user.id || found.payload.uniquifier !== user.uniquifier) return fail(rules.setupExpired);
  const method = String(found.payload.method ?? "");
  if (!rules.isEnabled(method)) return fail(rules.notAvailable);
  const secret = tryDecryptSecret(found.payload.secret ?? "");
  if (secret === null) return fail("SECRET_UNAVAILABLE");
  const check = await checkProposedCode(purpose, method, secret, input.code);
  if (!check.valid) return rules.wrongSetupCode();
  const db = await getDb();
  return transactionWithAbort(db, async (tx, abort: (f: Failure) => never): Promise<Result<{ method: AnyCodeMethod; changed: boolean }>> => {
    const used = await consumeToken(rules.setupToken, input.setupToken, tx);
    if (used.status !== "valid") return fail(rules.setupExpired);
    const proven = { method, secret, phone: found.payload.phone || null, timeStep: check.timeStep };
    const saved = await saveProvenMethod(purpose, user, proven, ctx, tx, rules.setupEventData);
    // The confirm form has no phone field: the message is the form's own.
    if (!saved.ok) abort(fail(saved.code));
    return { ok: true, method, changed: saved.replaced };
  });
}

/**
 * Whether the account has a first factor that is not its inbox (a password, a passkey, an SMS or
 * authenticator sign-in method). Without one, email codes as the second step would be the inbox
 * twice — refused at every sign-in (DESIGN.md principle 10) — so they are not offered.
 */
async function signsInOtherThanByEmail(user: UserRecord): Promise<boolean> {
  if (user.passwordHash) return true;
  const db = await getDb();
  const [passkey] = await db
    .select({ id: tables.webauthnCredentials.id })
    .from(tables.webauthnCredentials)
    .where(and(eq(tables.webauthnCredentials.userId, user.id), eq(tables.webauthnCredentials.usage, "first")))
    .limit(1);
  if (passkey) return true;
  const methods = await db.select({ method: tables.signInMethods.method }).from(tables.signInMethods).where(eq(tables.signInMethods.userId, user.id));
  return methods.some((m) => m.method !== "email");
}
