import "server-only";
import type { Queryable } from "@/lib/db";
import { isAuthnMethod, isIndependentOf, type AuthnMethod } from "../core/authn-methods";
import { isTwoFactorRequired } from "../core/two-factor-required";
import { completeLogin, finishSignIn, type SignInWrites } from "./complete";
import { getConfig, type TwoFactorMethod } from "../config";
import { fail, type Failure, type Result } from "../core/errors";
import { recordFailedSignIn } from "../accounts/lockout";
import { countPasskeys } from "../passkeys/credentials";
import {
  countPendingFailure,
  createPendingLogin,
  finishPendingLogin,
  findPendingLogin,
  updatePendingLogin,
  type ActivePending,
  type PendingState,
} from "../sessions/pending";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import { isRememberedDevice } from "./remember-device";
import type { RequestContext } from "../core/request-context";
import type { NewSession } from "../sessions/store";
import { sendSavedCode } from "../codes/send";
import { getTwoFactor, type TwoFactorRow } from "../codes/store";
import { getAuthorization, type Authorization, type UserRecord } from "../accounts/users";
import { isLockedByApplication } from "../accounts/application-lock";

/**
 * The second-factor decision after any first factor (Flask-Security's "when required", made
 * stricter): who must give a second factor, which of their second factors count (never one from
 * the first factor's channel, DESIGN.md principle 10), and how a pending sign-in ends.
 */

/** What a first factor leads to. */
export type FirstFactorOutcome =
  | { status: "signed-in"; session: NewSession }
  | {
      status: "second-factor";
      pendingToken: string;
      expiresAt: Date;
      state: PendingState;
      method: SecondFactorMethod | null;
      /** The second factors that may finish this sign-in (what a choice offers). */
      methods: SecondFactorMethod[];
    };

/** A second factor a user can be asked for: a code method, or a passkey registered as "second factor". */
export type SecondFactorMethod = TwoFactorMethod | "passkey";

/** A pending sign-in dies after this many wrong codes: the account lock is the ceiling, this is the floor. */
export const PENDING_MAX_FAILURES = 5;

/** The user's second factors, in the order the choice page lists them. */
export async function secondFactorMethods(userId: string): Promise<{ methods: SecondFactorMethod[]; profile: TwoFactorRow | null }> {
  const [profile, passkeys] = await Promise.all([getTwoFactor(userId), countPasskeys(userId, "secondary")]);
  const methods: SecondFactorMethod[] = [];
  if (passkeys > 0) methods.push("passkey");
  if (profile) methods.push(profile.method);
  return { methods, profile };
}

/** What the decision reads: the user's second factors and roles. */
export interface SecondFactorFacts {
  methods: SecondFactorMethod[];
  profile: TwoFactorRow | null;
  authorization: Authorization | null;
}

/**
 * Reads the facts for afterFirstFactor. Sign-in starts this before verifying the password, so the
 * reads run while the hash does; a wrong password just drops them. A rejection is marked handled
 * here, so dropping the promise never crashes the process; awaiting it still throws.
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
 * Whether one factor is enough for this user: never when two-factor is required of them
 * (SECURITY_TWO_FACTOR_REQUIRED[_ROLES]); otherwise when they have no second factor, or when the
 * first factor was a code that unified sign-in accepts alone (not in SECURITY_US_MFA_REQUIRED:
 * Flask-Security's default lets SMS and authenticator codes sign in alone).
 */
function oneFactorSuffices(via: AuthnMethod[], facts: SecondFactorFacts, required: boolean): boolean {
  if (required) return false;
  if (!facts.methods.length) return true;
  const first = via[0] === "magic-link" ? "email" : via[0];
  return (first === "sms" || first === "authenticator" || first === "email") && !getConfig().unified.mfaRequired.includes(first);
}

/**
 * After a first factor: a session, or a pending sign-in that asks for the second factor (set-up
 * first when required and missing). `facts` may have been read ahead (readSecondFactorFacts).
 */
export async function afterFirstFactor(
  user: UserRecord,
  proven: { via: AuthnMethod[]; multiFactor?: boolean },
  options: { remember: boolean; next: string | null; deviceCookie?: string },
  ctx: RequestContext,
  factsRead?: Promise<SecondFactorFacts>,
): Promise<Result<FirstFactorOutcome>> {
  const config = getConfig().twoFactor;
  const facts = await (factsRead ?? readSecondFactorFacts(user.id));
  const required = Boolean(facts.authorization && isTwoFactorRequired(facts.authorization.roles));
  let via = proven.via;
  const signIn = async (authnVia: AuthnMethod[]): Promise<Result<FirstFactorOutcome>> => ({
    ok: true,
    status: "signed-in",
    session: await completeLogin(user, { authnVia, remember: options.remember, ctx }),
  });
  if (proven.multiFactor || !config.enabled || oneFactorSuffices(via, facts, required)) return signIn(via);
  if (facts.methods.length && !config.alwaysValidate && isRememberedDevice(options.deviceCookie, user)) {
    via = [...via, "remembered-device"];
    return signIn(via);
  }
  // Needed: none yet (but required) → set one up; one usable → ask for it; several → choose (that page also explains "none usable").
  const usable = facts.methods.filter((m) => isIndependentOf(via, m));
  const state: PendingState = !facts.methods.length ? "setup" : usable.length === 1 ? "ready" : "select";
  const method = state === "ready" ? (usable[0] ?? null) : null;
  const pending = await createPendingLogin(user, { state, method, authnVia: via, remember: options.remember, next: options.next });
  if (facts.profile && method === facts.profile.method) await sendCodeForPending(user, facts.profile, pending.tokenHash, ctx);
  return { ok: true, status: "second-factor", pendingToken: pending.token, expiresAt: pending.expiresAt, state, method, methods: usable };
}

/**
 * Email and SMS methods get their code as soon as they are asked for. A code that cannot go out
 * (a send budget spent) is recorded on the pending sign-in, so its page says so and offers
 * another way instead of leaving the user waiting for a code that never comes.
 */
export async function sendCodeForPending(user: UserRecord, profile: TwoFactorRow, pendingHash: string, ctx: RequestContext): Promise<Result> {
  if (profile.method !== "email" && profile.method !== "sms") return { ok: true };
  const sent = await sendSavedCode("two-factor", user, profile, ctx);
  await updatePendingLogin(pendingHash, { deliveryError: sent.ok ? null : sent.code });
  return sent;
}

/** The pending sign-in for a cookie token, if it is in one of the given states. */
export async function findPendingIn(token: string | undefined, states: PendingState[]): Promise<ActivePending | null> {
  const found = await findPendingLogin(token);
  return found && states.includes(found.pending.state) ? found : null;
}

/** What the second-step pages offer this pending sign-in: only factors independent of its first one. */
export interface SecondFactorOptions {
  /** Second factors that may finish this sign-in. */
  usable: SecondFactorMethod[];
  /** The user's second factors that came through the first factor's channel (refused here). */
  sameChannel: SecondFactorMethod[];
  profile: TwoFactorRow | null;
  rescueByEmail: boolean;
  recoveryCodes: boolean;
}

export async function secondFactorOptions(found: ActivePending): Promise<SecondFactorOptions> {
  const config = getConfig();
  const via = found.pending.authnVia;
  const { methods, profile } = await secondFactorMethods(found.user.id);
  return {
    usable: methods.filter((m) => isIndependentOf(via, m)),
    sameChannel: methods.filter((m) => !isIndependentOf(via, m)),
    profile,
    rescueByEmail: config.twoFactor.rescueByEmail && isIndependentOf(via, "rescue-email"),
    recoveryCodes: config.recoveryCodes.enabled,
  };
}

/** Refuses a second factor from the first factor's channel (an emailed code after an emailed link). */
export function checkIndependent(found: ActivePending, method: AuthnMethod): Result {
  return isIndependentOf(found.pending.authnVia, method) ? { ok: true } : fail("TWO_FACTOR_SAME_CHANNEL");
}

/** Every code check spends the user's budget; a wrong code also counts as a failed sign-in. */
export async function checkSecondFactorBudget(user: UserRecord, ctx: RequestContext): Promise<Result> {
  const [perUser, perIp] = await Promise.all([consumeRateLimit(RATE_LIMITS.codeChecksPerUser, user.id), consumeRateLimit(RATE_LIMITS.loginPerIp, ctx.ip)]);
  if (!perUser.ok) return fail("RATE_LIMITED", undefined, perUser.retryAfter);
  if (!perIp.ok) return fail("RATE_LIMITED", undefined, perIp.retryAfter);
  return { ok: true };
}

/**
 * A wrong second factor: counted on the pending sign-in (it dies after PENDING_MAX_FAILURES) and
 * on the account (the temporary budget and the consecutive-failure lock). `wrong` is what to
 * answer while the sign-in may still be finished.
 */
export async function refuseSecondFactor(
  found: ActivePending,
  ctx: RequestContext,
  attempt: { authType: string; /** The verifier already logged the failure. */ logged?: boolean },
  wrong: Failure,
): Promise<Failure> {
  const attempts = await countPendingFailure(found.pending.tokenHash);
  await recordFailedSignIn(found.user, ctx, { authType: attempt.authType, tfa: true }, { logged: attempt.logged });
  if (attempts < PENDING_MAX_FAILURES) return wrong;
  await finishPendingLogin(found.pending.tokenHash);
  return fail("TWO_FACTOR_ATTEMPTS_EXCEEDED");
}

export type SecondFactorSuccess = { session: NewSession; next: string | null; rememberDevice: UserRecord | null; authnVia: AuthnMethod[]; user: UserRecord };

/** Ends the pending sign-in in a session: the last step of every second factor (the application's lock is asked again: decision 056). */
export async function completeSecondFactor(
  found: ActivePending,
  via: AuthnMethod,
  ctx: RequestContext,
  allowRememberDevice: boolean,
  options: { events?: SignInWrites["events"]; db?: Queryable } = {},
): Promise<Result<SecondFactorSuccess>> {
  const allowed = (await isLockedByApplication(found.user)) ? fail("LOCKED_ACCOUNT") : checkIndependent(found, via);
  if (!allowed.ok) return allowed;
  const authnVia = [...found.pending.authnVia, via];
  // Its statement also ends the pending sign-in, which decides races (one of two correct submissions signs in): all or nothing.
  const session = await finishSignIn(
    found.user,
    { authnVia, remember: found.pending.remember, ctx },
    {
      pendingTokenHash: found.pending.tokenHash,
      // A proven second factor restores the code-check budget (wrong codes stay counted until then).
      resetBudgets: [RATE_LIMITS.codeChecksPerUser],
      // An independent second factor vouches for a password chosen through an emailed reset link.
      clearPasswordFromReset: found.user.passwordFromReset,
      events: options.events,
    },
    options.db,
  );
  if (!session) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const config = getConfig().twoFactor;
  const rememberDevice = allowRememberDevice && found.pending.remember && !config.alwaysValidate ? found.user : null;
  return { ok: true, session, next: found.pending.next, rememberDevice, authnVia, user: found.user };
}

/**
 * A session that must now add a second factor (two-factor became required of this user while it
 * was signed in with one factor): its own proofs count as the first factor, and a pending sign-in
 * asks for what is missing. The caller ends the old session once this succeeds.
 */
export function stepUpSession(
  current: { user: UserRecord; session: { authnVia: string[]; remember: boolean } },
  next: string | null,
  ctx: RequestContext,
): Promise<Result<FirstFactorOutcome>> {
  const via = current.session.authnVia.filter(isAuthnMethod);
  return afterFirstFactor(current.user, { via }, { remember: current.session.remember, next }, ctx);
}
