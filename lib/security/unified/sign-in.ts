import "server-only";
import { getConfig, type UnifiedMethod } from "../config";
import { completeLogin } from "../complete-login";
import { fail, messageFor, type Result } from "../errors";
import { recordEvent } from "../events";
import { looksLikeEmail } from "../identity";
import { recordFailedSignIn, type LoginSuccess } from "../login";
import { burnPasswordCheck, verifyPassword } from "../password";
import { normalizePhone } from "../phone";
import { checkRateLimit, consumeRateLimit, MAX_CONSECUTIVE_FAILURES, RATE_LIMITS } from "../rate-limit";
import type { RequestContext } from "../request-context";
import { afterFirstFactor, readSecondFactorFacts, type FirstFactorOutcome, type SecondFactorFacts } from "../second-factor";
import type { AuthnMethod } from "../sessions";
import { tryDecryptSecret } from "../encryption";
import { findUserByEmail, findUserByUsername, type UserRecord } from "../users";
import { issueMagicLink } from "./magic-link";
import { consumeMethodCode, deliverCode, findSignInMethod, findUserByPhone, isCodeMethodEnabled, listSignInMethods } from "./methods";

/** The unified sign-in identity: an email, a username (when enabled) or a phone number in any common format. */
export async function findUserForSignIn(identity: string): Promise<UserRecord | null> {
  const trimmed = identity.trim();
  if (!trimmed || trimmed.includes("\u0000")) return null;
  if (looksLikeEmail(trimmed)) return findUserByEmail(trimmed);
  const config = getConfig();
  if (config.username.enabled) {
    const byName = await findUserByUsername(trimmed);
    if (byName) return byName;
  }
  const phone = /^[\d\s()+.-]{6,32}$/.test(trimmed) ? normalizePhone(trimmed) : null;
  return phone ? findUserByPhone(phone) : null;
}

/**
 * "Email me a code" / "Text me a code": the code of the account's set-up method (the email also
 * carries a single-use sign-in link bound to `browserNonce`). With generic responses the
 * answer is the same whether or not the identity or method exists.
 */
export async function sendSignInCode(input: { identity: string; method: string; browserNonce: string | null }, ctx: RequestContext): Promise<Result> {
  const config = getConfig();
  if (input.method !== "email" && input.method !== "sms") return fail("US_METHOD_NOT_AVAILABLE");
  if (!isCodeMethodEnabled(input.method)) return fail("US_METHOD_NOT_AVAILABLE");
  const ipBudget = await consumeRateLimit(RATE_LIMITS.signInCodesPerIp, ctx.ip);
  if (!ipBudget.ok) return fail("RATE_LIMITED", undefined, ipBudget.retryAfter);
  const user = await findUserForSignIn(input.identity);
  const row = user?.active ? await findSignInMethod(user.id, input.method) : null;
  if (!user || !row) {
    return config.genericResponses ? { ok: true } : fail(user ? "US_METHOD_NOT_AVAILABLE" : "USER_DOES_NOT_EXIST", { identity: [messageFor(user ? "US_METHOD_NOT_AVAILABLE" : "USER_DOES_NOT_EXIST")] });
  }
  // No link is minted for a code that the per-user send limit will not let out.
  const sendBudget = await checkRateLimit(RATE_LIMITS.codesSentPerUser, user.id);
  if (!sendBudget.ok) return config.genericResponses ? { ok: true } : fail("RATE_LIMITED", undefined, sendBudget.retryAfter);
  const secret = tryDecryptSecret(row.secretEncrypted);
  if (secret === null) return config.genericResponses ? { ok: true } : fail("SECRET_UNAVAILABLE");
  const loginLink = row.method === "email" ? await issueMagicLink(user, { kind: "code", browserNonce: input.browserNonce }) : null;
  const sent = await deliverCode(user, { method: row.method as "email" | "sms", secret, phone: row.phone, lastTimeStep: row.lastTimeStep, loginLink }, ctx);
  // Under generic responses a per-account send limit must not tell that the account exists.
  if (!sent.ok && config.genericResponses && sent.code === "RATE_LIMITED") return { ok: true };
  return sent;
}

/**
 * Which of the user's credentials a passcode is: tried as the password first (when enabled and
 * set), then as each set-up method's code. Null when none matches.
 */
export async function matchPasscode(user: UserRecord, passcode: string): Promise<UnifiedMethod | null> {
  const config = getConfig().unified;
  if (config.methods.includes("password") && user.passwordHash && (await verifyPassword(user.passwordHash, passcode))) return "password";
  if (!/^\s*\d{3}[\s-]?\d{3}\s*$/.test(passcode)) return null;
  for (const row of await listSignInMethods(user.id)) {
    if (await consumeMethodCode(row, passcode)) return row.method as UnifiedMethod;
  }
  return null;
}

export interface PasscodeSignInInput {
  identity: string;
  passcode: string;
  remember: boolean;
  next?: string | null;
  deviceCookie?: string;
}

/**
 * The unified sign-in box. The method that matched is how the user authenticated; password and
 * email (SECURITY_US_MFA_REQUIRED) still need the second factor, SMS and authenticator codes are one.
 */
export async function signInWithPasscode(input: PasscodeSignInInput, ctx: RequestContext): Promise<Result<LoginSuccess & { via: UnifiedMethod }>> {
  const config = getConfig();
  if (!config.unified.enabled) return fail("US_METHOD_NOT_AVAILABLE");
  const identity = input.identity.trim();
  if (!identity) return fail("US_SPECIFY_IDENTITY", { identity: [messageFor("US_SPECIFY_IDENTITY")] });
  const [ipBudget, user] = await Promise.all([consumeRateLimit(RATE_LIMITS.loginPerIp, ctx.ip), findUserForSignIn(identity)]);
  if (!ipBudget.ok) return fail("RATE_LIMITED", undefined, ipBudget.retryAfter);
  const accountKey = user ? user.id : `unknown:${identity.toLowerCase()}`;
  const accountBudget = await checkRateLimit(RATE_LIMITS.loginFailuresPerAccount, accountKey);
  if (!accountBudget.ok) return fail("RATE_LIMITED", undefined, accountBudget.retryAfter);
  const failure = () =>
    config.genericResponses ? fail("GENERIC_AUTHN_FAILED") : fail("INVALID_PASSWORD_CODE", { passcode: [messageFor("INVALID_PASSWORD_CODE")] });

  if (!user) {
    // An unknown identity costs what a real check costs, so timing does not tell.
    await burnPasswordCheck(input.passcode);
    await consumeRateLimit(RATE_LIMITS.loginFailuresPerAccount, accountKey);
    await recordEvent("user_failed_authn", { userId: null, ctx, data: { authType: "passcode", reason: "unknown_identity" } });
    return failure();
  }
  if (user.failedLoginCount >= MAX_CONSECUTIVE_FAILURES) {
    await burnPasswordCheck(input.passcode);
    return fail("ACCOUNT_LOCKED");
  }
  if (!user.passwordHash) await burnPasswordCheck(input.passcode);
  const facts = readSecondFactorFacts(user.id);
  const via = await matchPasscode(user, input.passcode);
  if (!via) {
    await recordFailedSignIn(user, ctx, "passcode");
    return failure();
  }
  if (!user.active) return fail("DISABLED_ACCOUNT");
  if (config.features.confirmable && !config.loginWithoutConfirmation && !user.confirmedAt) return fail("CONFIRMATION_REQUIRED");
  const outcome = await afterUnifiedFirstFactor(user, via, { remember: input.remember, next: input.next ?? null, ctx, deviceCookie: input.deviceCookie, facts });
  if (!outcome.ok) return outcome;
  return { ok: true, user, outcome, via };
}

/** Password and email → the two-factor check; a code that is itself a second factor → signed in. */
export async function afterUnifiedFirstFactor(
  user: UserRecord,
  via: UnifiedMethod,
  options: { remember: boolean; next: string | null; ctx: RequestContext; deviceCookie?: string; facts?: Promise<SecondFactorFacts> },
): Promise<Result<FirstFactorOutcome>> {
  const authnVia = [via as AuthnMethod];
  if (getConfig().unified.mfaRequired.includes(via)) return afterFirstFactor(user, { authnVia, ...options });
  const session = await completeLogin(user, { authnVia, remember: options.remember, ctx: options.ctx });
  return { ok: true, status: "signed-in", session };
}
