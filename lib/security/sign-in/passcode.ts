import "server-only";
import { getConfig, type UnifiedMethod } from "../config";
import { tryDecryptSecret } from "../core/encryption";
import { afterTheAnswer } from "../core/after-the-answer";
import { fail, messageFor, type Result } from "../core/errors";
import { signInWith, type SecretProof, type SignInOptions, type SignInSuccess } from "./first-factor";
import { looksLikeEmail } from "../accounts/identity";
import { burnPasswordCheck } from "../core/password-hash";
import { verifyAndUpdatePassword } from "../accounts/password-upgrade";
import { normalizePhone } from "../accounts/phone";
import { checkRateLimit, consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { findUserByEmail, findUserByUsername, type UserRecord } from "../accounts/users";
import { issueMagicLink } from "./magic-link";
import { fieldErrorsFrom, sendCodeSchema } from "../core/schemas";
import { getOrSetMagicLinkBrowserNonce } from "../sessions/cookies";
import { rulesFor } from "../codes/purposes";
import { sendSavedCode } from "../codes/send";
import { consumeCode, findSignInMethod, findUserByPhone, listSignInMethods } from "../codes/store";

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
 * carries a single-use sign-in link bound to `browserNonce`). With generic responses the answer
 * is the same, in words and in time, whether or not the identity or method exists (the look-up
 * and the send happen after it).
 */
export async function sendSignInCode(input: { identity: string; method: string; browserNonce: string | null }, ctx: RequestContext): Promise<Result> {
  if (input.method !== "email" && input.method !== "sms") return fail("US_METHOD_NOT_AVAILABLE");
  if (!rulesFor("sign-in").isEnabled(input.method)) return fail("US_METHOD_NOT_AVAILABLE");
  const ipBudget = await consumeRateLimit(RATE_LIMITS.signInCodesPerIp, ctx.ip);
  if (!ipBudget.ok) return fail("RATE_LIMITED", undefined, ipBudget.retryAfter);
  const method = input.method;
  if (!getConfig().genericResponses) return deliverSignInCode({ ...input, method }, ctx);
  await afterTheAnswer("sign-in code request", () => deliverSignInCode({ ...input, method }, ctx));
  return { ok: true };
}

/** The look-up and the send of a sign-in code (see sendSignInCode). */
async function deliverSignInCode(input: { identity: string; method: "email" | "sms"; browserNonce: string | null }, ctx: RequestContext): Promise<Result> {
  const user = await findUserForSignIn(input.identity);
  const row = user?.active ? await findSignInMethod(user.id, input.method) : null;
  if (!user || !row) {
    const code = user ? "US_METHOD_NOT_AVAILABLE" : "USER_DOES_NOT_EXIST";
    return fail(code, { identity: [messageFor(code)] });
  }
  // No link is minted for a code that the per-user send limit will not let out.
  const sendBudget = await checkRateLimit(RATE_LIMITS.codesSentPerUser, user.id);
  if (!sendBudget.ok) return fail("RATE_LIMITED", undefined, sendBudget.retryAfter);
  if (tryDecryptSecret(row.secretEncrypted) === null) return fail("SECRET_UNAVAILABLE");
  const loginLink = row.method === "email" ? await issueMagicLink(user, { kind: "code", browserNonce: input.browserNonce }) : null;
  return sendSavedCode("sign-in", user, row, ctx, loginLink);
}

/**
 * "Email/text me a code" for both transports (the sign-in page's action and the JSON API's
 * `POST /api/security/us-signin/send-code`): the fields checked, the asking browser's nonce set.
 */
export async function requestSignInCode(fields: Record<string, unknown>, ctx: RequestContext): Promise<Result> {
  const parsed = sendCodeSchema.safeParse(fields);
  if (!parsed.success) return { ok: false, code: "INVALID_INPUT", fieldErrors: fieldErrorsFrom(parsed.error) };
  return sendSignInCode({ ...parsed.data, browserNonce: await getOrSetMagicLinkBrowserNonce() }, ctx);
}

export type PasscodeMatch = { ok: true; method: UnifiedMethod } | { ok: false; replayed: boolean };

/**
 * Which of the user's credentials a passcode is: tried as the password first (when enabled and
 * set), then as each set-up method's code. A right code already used is `replayed`.
 */
export async function matchPasscode(user: UserRecord, passcode: string): Promise<PasscodeMatch> {
  const config = getConfig().unified;
  if (config.methods.includes("password") && user.passwordHash && (await verifyAndUpdatePassword(user, passcode))) return { ok: true, method: "password" };
  if (!/^\s*\d{3}[\s-]?\d{3}\s*$/.test(passcode)) return { ok: false, replayed: false };
  let replayed = false;
  for (const row of await listSignInMethods(user.id)) {
    const verdict = await consumeCode("sign-in", row, passcode);
    if (verdict === "valid") return { ok: true, method: row.method };
    replayed ||= verdict === "replayed";
  }
  return { ok: false, replayed };
}

export interface PasscodeSignInInput extends Partial<SignInOptions> {
  identity: string;
  passcode: string;
  remember: boolean;
}

/** The unified sign-in box as a first factor: the password, or a code of one of the user's methods. */
export function passcodeProof(identity: string, passcode: string): SecretProof {
  const config = getConfig();
  return {
    kind: "secret",
    authType: "passcode",
    identity,
    secret: passcode,
    find: findUserForSignIn,
    check: async (user) => {
      // A password-less account costs the same hash a password check would.
      if (!user.passwordHash) await burnPasswordCheck(passcode);
      const match = await matchPasscode(user, passcode);
      if (!match.ok) return match;
      return { ok: true, via: [match.method === "password" && user.passwordFromReset ? "reset-password" : match.method] };
    },
    refusal: () =>
      config.genericResponses ? fail("GENERIC_AUTHN_FAILED") : fail("INVALID_PASSWORD_CODE", { passcode: [messageFor("INVALID_PASSWORD_CODE")] }),
  };
}

/**
 * The unified sign-in box. The method that matched is how the user authenticated; the gate then
 * decides about the second factor (SECURITY_US_MFA_REQUIRED, and always when two-factor is required).
 */
export async function signInWithPasscode(input: PasscodeSignInInput, ctx: RequestContext): Promise<Result<SignInSuccess>> {
  if (!getConfig().unified.enabled) return fail("US_METHOD_NOT_AVAILABLE");
  if (!input.identity.trim()) return fail("US_SPECIFY_IDENTITY", { identity: [messageFor("US_SPECIFY_IDENTITY")] });
  return signInWith(
    passcodeProof(input.identity, input.passcode),
    { remember: input.remember, next: input.next ?? null, deviceCookie: input.deviceCookie },
    ctx,
  );
}
