import "server-only";
import { sendEmail } from "@/lib/mail";
import { getConfig, type TwoFactorMethod } from "./config";
import { encryptSecret, tryDecryptSecret } from "./encryption";
import { fail, type Result } from "./errors";
import { recordEvent } from "./events";
import { completeLogin } from "./complete-login";
import {
  countPendingFailure,
  createPendingLogin,
  finishPendingLogin,
  findPendingLogin,
  updatePendingLogin,
  type ActivePending,
  type PendingState,
} from "./pending-login";
import { countPasskeys } from "./passkeys/credentials";
import { consumeRateLimit, RATE_LIMITS, resetRateLimit } from "./rate-limit";
import { recoveryCodeStatus, consumeRecoveryCode } from "./recovery-codes";
import { recoveryCodesUnavailable } from "./recovery-code-keys";
import { isRememberedDevice } from "./remember-device";
import type { RequestContext } from "./request-context";
import type { AuthnMethod, NewSession } from "./sessions";
import {
  getTwoFactor,
  isTwoFactorRequired,
  METHOD_LABELS,
  sendTwoFactorCode,
  verifyAndConsumeCode,
  type TwoFactorRow,
} from "./two-factor";
import { newTotpSecret, verifyTotp } from "./totp";
import { getAuthorization, type Authorization, type UserRecord } from "./users";

/** What a first factor (password, passkey; links and OAuth later) leads to. */
export type FirstFactorOutcome =
  | { status: "signed-in"; session: NewSession }
  | { status: "second-factor"; pendingToken: string; expiresAt: Date; state: PendingState; method: SecondFactorMethod | null };

/** A second factor a user can be asked for: a code method, or a passkey registered as "second factor". */
export type SecondFactorMethod = TwoFactorMethod | "passkey";

/** Human names, for "Can't use your …?" and the choice page. */
export const SECOND_FACTOR_LABELS: Record<SecondFactorMethod, string> = { ...METHOD_LABELS, passkey: "passkey" };

/** The user's second factors, in the order the choice page lists them. */
export async function secondFactorMethods(userId: string): Promise<{ methods: SecondFactorMethod[]; profile: TwoFactorRow | null }> {
  const [profile, passkeys] = await Promise.all([getTwoFactor(userId), countPasskeys(userId, "secondary")]);
  const methods: SecondFactorMethod[] = [];
  if (passkeys > 0) methods.push("passkey");
  if (profile) methods.push(profile.method as TwoFactorMethod);
  return { methods, profile };
}

/** What the two-factor check decides from: the user's second factors and roles. */
export interface SecondFactorFacts {
  methods: SecondFactorMethod[];
  profile: TwoFactorRow | null;
  authorization: Authorization | null;
}

/**
 * Reads the facts for afterFirstFactor. Sign-in starts this before verifying the password, so the
 * reads run while the hash does (a round trip less to wait for); a wrong password just drops them.
 * A rejection is marked handled here, so dropping the promise never crashes the process;
 * awaiting it through afterFirstFactor still throws.
 */
export function readSecondFactorFacts(userId: string): Promise<SecondFactorFacts> {
  if (!getConfig().twoFactor.enabled) return Promise.resolve({ methods: [], profile: null, authorization: null });
  const facts = Promise.all([secondFactorMethods(userId), getAuthorization(userId)]).then(([{ methods, profile }, authorization]) => ({
    methods,
    profile,
    authorization,
  }));
  facts.catch(() => {});
  return facts;
}

/**
 * The two-factor check after any first factor (reference: "When required"). A user with a
 * method, or for whom it is required, is not signed in: a pending login is created instead and,
 * for email/SMS, the code is sent now. `facts` may have been read ahead (readSecondFactorFacts).
 */
export async function afterFirstFactor(
  user: UserRecord,
  options: {
    authnVia: AuthnMethod[];
    remember: boolean;
    next: string | null;
    ctx: RequestContext;
    deviceCookie?: string;
    facts?: Promise<SecondFactorFacts>;
  },
): Promise<Result<FirstFactorOutcome>> {
  const config = getConfig().twoFactor;
  const { methods, profile, authorization } = await (options.facts ?? readSecondFactorFacts(user.id));
  const required = Boolean(authorization && isTwoFactorRequired(authorization.roles));
  const remembered = !config.alwaysValidate && isRememberedDevice(options.deviceCookie, user);
  if ((!methods.length && !required) || (methods.length && remembered)) {
    const session = await completeLogin(user, { authnVia: options.authnVia, remember: options.remember, ctx: options.ctx });
    return { ok: true, status: "signed-in", session };
  }
  // No method yet (but required): set one up. One: ask for it. Several: let the user choose.
  const state: PendingState = !methods.length ? "setup" : methods.length === 1 ? "ready" : "select";
  const method = methods.length === 1 ? (methods[0] ?? null) : null;
  const pending = await createPendingLogin(user, {
    state,
    method,
    authnVia: options.authnVia,
    remember: options.remember,
    next: options.next,
  });
  if (profile && method === profile.method) await sendCodeIfDelivered(user, profile, options.ctx);
  return { ok: true, status: "second-factor", pendingToken: pending.token, expiresAt: pending.expiresAt, state, method };
}

/** Email and SMS methods get their code as soon as they are asked for. */
async function sendCodeIfDelivered(user: UserRecord, profile: TwoFactorRow, ctx: RequestContext): Promise<void> {
  if (profile.method !== "email" && profile.method !== "sms") return;
  // A send failure is reported on the code page (with a resend button), not as a failed sign-in.
  const secret = tryDecryptSecret(profile.secretEncrypted);
  if (secret === null) return;
  await sendTwoFactorCode(user, { method: profile.method, secret, phone: profile.phone, lastTimeStep: profile.lastTimeStep }, ctx);
}

/**
 * `/login/two-factor/select`: the user picks one of their second factors (also to switch from
 * the one they were asked for). Email/SMS codes are sent now.
 */
export async function chooseSecondFactor(token: string | undefined, which: string, ctx: RequestContext): Promise<Result<{ method: SecondFactorMethod }>> {
  const found = await findPendingIn(token, ["select", "ready"]);
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const { methods, profile } = await secondFactorMethods(found.user.id);
  const method = methods.find((m) => m === which);
  if (!method) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
  await updatePendingLogin(found.pending.tokenHash, { state: "ready", method });
  if (profile && method === profile.method) await sendCodeIfDelivered(found.user, profile, ctx);
  return { ok: true, method };
}

export type SecondFactorSuccess = { session: NewSession; next: string | null; rememberDevice: UserRecord | null };

/** The pending login for a cookie token, if it is in one of the given states. */
export async function findPendingIn(token: string | undefined, states: PendingState[]): Promise<ActivePending | null> {
  const found = await findPendingLogin(token);
  return found && states.includes(found.pending.state as PendingState) ? found : null;
}

function pendingOrDenied(token: string | undefined, state: PendingState): Promise<ActivePending | null> {
  return findPendingIn(token, [state]);
}

/** Every code check spends the user's budget; a wrong code also counts as a failed sign-in. */
export async function checkSecondFactorBudget(user: UserRecord, ctx: RequestContext): Promise<Result> {
  const [perUser, perIp] = await Promise.all([
    consumeRateLimit(RATE_LIMITS.codeChecksPerUser, user.id),
    consumeRateLimit(RATE_LIMITS.loginPerIp, ctx.ip),
  ]);
  if (!perUser.ok) return fail("RATE_LIMITED", undefined, perUser.retryAfter);
  if (!perIp.ok) return fail("RATE_LIMITED", undefined, perIp.retryAfter);
  return { ok: true };
}

/** A wrong second factor: counted on the pending login and the account; `eventRecorded` when the caller already logged it. */
export async function recordSecondFactorFailure(found: ActivePending, ctx: RequestContext, authType: string, eventRecorded = false): Promise<void> {
  await countPendingFailure(found.pending.tokenHash);
  await consumeRateLimit(RATE_LIMITS.loginFailuresPerAccount, found.user.id);
  if (!eventRecorded) await recordEvent("user_failed_authn", { userId: found.user.id, ctx, data: { authType, tfa: true } });
}

/** Ends the pending login in a session: the last step of every second factor. */
export async function completeSecondFactor(found: ActivePending, via: AuthnMethod, ctx: RequestContext, allowRememberDevice: boolean): Promise<Result<SecondFactorSuccess>> {
  // The delete decides: of two concurrent correct submissions only one signs in.
  if (!(await finishPendingLogin(found.pending.tokenHash))) return fail("TWO_FACTOR_PERMISSION_DENIED");
  // A proven second factor restores the code-check budget (wrong codes stay counted until then).
  await resetRateLimit(RATE_LIMITS.codeChecksPerUser, found.user.id);
  const authnVia = [...(found.pending.authnVia as AuthnMethod[]), via];
  const session = await completeLogin(found.user, { authnVia, remember: found.pending.remember, ctx });
  const config = getConfig().twoFactor;
  const rememberDevice = allowRememberDevice && found.pending.remember && !config.alwaysValidate ? found.user : null;
  return { ok: true, session, next: found.pending.next, rememberDevice };
}

/** `/login/two-factor`: the code from the user's method (or from an emailed rescue code). */
export async function verifySecondFactor(token: string | undefined, code: string, ctx: RequestContext): Promise<Result<SecondFactorSuccess>> {
  const found = await pendingOrDenied(token, "ready");
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const budget = await checkSecondFactorBudget(found.user, ctx);
  if (!budget.ok) return budget;
  const profile = await getTwoFactor(found.user.id);
  let valid = profile ? await verifyAndConsumeCode(profile, code) : false;
  const rescueSecret = found.pending.rescueSecretEncrypted ? tryDecryptSecret(found.pending.rescueSecretEncrypted) : null;
  if (!valid && rescueSecret !== null) {
    const rescue = await verifyTotp(rescueSecret, code, getConfig().twoFactor.validity.email, 0);
    if (rescue.valid) valid = true;
  }
  if (valid === null) return fail("SECRET_UNAVAILABLE");
  if (!valid) {
    await recordSecondFactorFailure(found, ctx, "code");
    return fail("TWO_FACTOR_INVALID_TOKEN", { code: ["Invalid code"] });
  }
  const done = await completeSecondFactor(found, "two-factor", ctx, true);
  if (done.ok) await recordEvent("tf_code_confirmed", { userId: found.user.id, ctx, data: { method: profile?.method } });
  return done;
}

/** "Send the code again" (email/SMS methods), rate-limited per user. */
export async function resendSecondFactorCode(token: string | undefined, ctx: RequestContext): Promise<Result> {
  const found = await pendingOrDenied(token, "ready");
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const profile = await getTwoFactor(found.user.id);
  if (!profile || profile.method === "authenticator") return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
  const secret = tryDecryptSecret(profile.secretEncrypted);
  if (secret === null) return fail("SECRET_UNAVAILABLE");
  const delivery = { method: profile.method as "email" | "sms", secret, phone: profile.phone, lastTimeStep: profile.lastTimeStep };
  return sendTwoFactorCode(found.user, delivery, ctx);
}

/** Rescue: email a one-time code to the account's address (usable on the code page). */
export async function rescueByEmail(token: string | undefined, ctx: RequestContext): Promise<Result> {
  if (!getConfig().twoFactor.rescueByEmail) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
  const found = await pendingOrDenied(token, "ready");
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const secret = newTotpSecret();
  await updatePendingLogin(found.pending.tokenHash, { rescueSecretEncrypted: encryptSecret(secret) });
  await recordEvent("tf_rescue_requested", { userId: found.user.id, ctx, data: { option: "email" } });
  return sendTwoFactorCode(found.user, { method: "email", secret, phone: null }, ctx);
}

/** Rescue: ask the site administrator for help (emails SECURITY_TWO_FACTOR_RESCUE_MAIL). */
export async function rescueAskForHelp(token: string | undefined, ctx: RequestContext): Promise<Result> {
  const found = await pendingOrDenied(token, "ready");
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const budget = await consumeRateLimit(RATE_LIMITS.codesSentPerUser, found.user.id);
  if (!budget.ok) return fail("RATE_LIMITED", undefined, budget.retryAfter);
  const config = getConfig();
  await sendEmail("two_factor_rescue", config.twoFactor.rescueMail, { appName: config.appName, email: found.user.email, userId: found.user.id });
  await recordEvent("tf_rescue_requested", { userId: found.user.id, ctx, data: { option: "help" } });
  return { ok: true };
}

/** `/login/two-factor/recovery`: a recovery code completes the second factor (never remembers the device). */
export async function signInWithRecoveryCode(token: string | undefined, code: string, ctx: RequestContext): Promise<Result<SecondFactorSuccess>> {
  const config = getConfig();
  if (!config.recoveryCodes.enabled) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
  // A recovery code replaces whichever second factor the user would have chosen.
  const found = await findPendingIn(token, ["ready", "select"]);
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const budget = await checkSecondFactorBudget(found.user, ctx);
  if (!budget.ok) return budget;
  if (!(await consumeRecoveryCode(found.user.id, code))) {
    if (await recoveryCodesUnavailable(found.user.id)) return fail("SECRET_UNAVAILABLE");
    await recordSecondFactorFailure(found, ctx, "recovery_code");
    return fail("INVALID_RECOVERY_CODE", { code: ["Recovery code invalid"] });
  }
  const done = await completeSecondFactor(found, "recovery-code", ctx, false);
  if (!done.ok) return done;
  const { remaining } = await recoveryCodeStatus(found.user.id);
  await recordEvent("mf_recovery_code_used", { userId: found.user.id, ctx, data: { remaining } });
  await sendEmail("recovery_code_used", found.user.email, {
    appName: config.appName,
    email: found.user.email,
    remaining,
    codesLink: `${config.appUrl}/account/recovery-codes`,
  });
  return done;
}
