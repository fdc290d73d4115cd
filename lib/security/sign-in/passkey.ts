import "server-only";
import { getConfig } from "../config";
import { fail, type Result } from "../core/errors";
import { signInWith, type SignInSuccess } from "./first-factor";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { checkIndependent, checkSecondFactorBudget, completeSecondFactor, findPendingIn, refuseSecondFactor, type SecondFactorSuccess } from "./second-factor";
import { hashToken } from "../core/crypto";
import { assertionOptions, verifyPasskeyAssertion, type AssertionStarted } from "../passkeys/authentication";
import { startCeremony, takeCeremony } from "../passkeys/ceremonies";
import { listPasskeys } from "../passkeys/credentials";
import { hintedCredentials } from "../passkeys/hints";
import { findUserByIdentity, type UserRecord } from "../accounts/users";

/** Longer than any email or username: a longer "identity" is nobody's, and gets made-up hints. */
const IDENTITY_MAX_LENGTH = 320;

/**
 * Step 1 of signing in with a passkey, no email needed: options without allowCredentials, so
 * the browser offers the discoverable passkeys it holds for this site (button or autofill).
 * With an `identity` typed first (SECURITY_WAN_ALLOW_USER_HINTS), allowCredentials lists that
 * account's passkeys, or made-up ones of the same shape for an unknown identity (decision 050).
 */
export async function beginPasskeySignIn(ctx: RequestContext, identity?: unknown): Promise<Result<AssertionStarted>> {
  const config = getConfig();
  if (!config.webauthn.enabled || !config.webauthn.allowAsFirstFactor) return fail("WEBAUTHN_NOT_AVAILABLE");
  if (identity !== undefined && identity !== null && typeof identity !== "string") return fail("API_ERROR");
  const budget = await consumeRateLimit(RATE_LIMITS.passkeyChallengesPerIp, ctx.ip);
  if (!budget.ok) return fail("RATE_LIMITED", undefined, budget.retryAfter);
  const typed = typeof identity === "string" && config.webauthn.allowUserHints ? identity.trim() : "";
  const allow = typed ? await hintedCredentials(await findHintedUser(typed, config.username.enabled), typed) : null;
  const options = await assertionOptions(allow, "preferred");
  const { state } = await startCeremony("sign-in", { challenge: options.challenge, ttlSeconds: config.webauthn.signInWithin });
  return { ok: true, options, state };
}

function findHintedUser(identity: string, usernames: boolean): Promise<UserRecord | null> {
  return identity.length > IDENTITY_MAX_LENGTH || !identity.isWellFormed() ? Promise.resolve(null) : findUserByIdentity(identity, usernames);
}

export interface PasskeySignInInput {
  state: string;
  credential: unknown;
  remember: boolean;
  next: string | null;
  deviceCookie?: string;
}

/**
 * Step 2: a "sign in" passkey, through the first-factor gate. With user verification (PIN,
 * biometric) it is two factors on its own (SECURITY_WAN_ALLOW_AS_MULTI_FACTOR); without, the
 * second-factor decision follows, as after a password — and a passkey cannot be its own second factor.
 */
export async function finishPasskeySignIn(input: PasskeySignInInput, ctx: RequestContext): Promise<Result<SignInSuccess>> {
  const config = getConfig();
  if (!config.webauthn.enabled || !config.webauthn.allowAsFirstFactor) return fail("WEBAUTHN_NOT_AVAILABLE");
  return signInWith(
    {
      kind: "self-identifying",
      ipBudget: RATE_LIMITS.loginPerIp,
      prove: async () => {
        const taken = await takeCeremony("sign-in", input.state);
        if (taken.status !== "valid") return fail("WEBAUTHN_EXPIRED");
        const verified = await verifyPasskeyAssertion(taken.ceremony, input.credential, { usages: ["first"] }, ctx);
        if (!verified.ok) return verified;
        const multiFactor = verified.userVerified && config.webauthn.allowAsMultiFactor;
        return { ok: true, user: verified.user, via: multiFactor ? ["passkey", "user-verification"] : ["passkey"], multiFactor };
      },
    },
    { remember: input.remember, next: input.next, deviceCookie: input.deviceCookie },
    ctx,
  );
}

/**
 * Whether this browser's passkey ceremony is a pending sign-in's second factor rather than a first
 * factor (Flask-Security's wan-signin serves both, deciding by the pending login as here).
 */
export async function passkeyStepIsSecondFactor(pendingToken: string | undefined): Promise<boolean> {
  return (await findPendingIn(pendingToken, ["ready"])) !== null;
}

/** Second factor by passkey, step 1: only the pending user's "second factor" passkeys are offered. */
export async function beginPasskeySecondFactor(pendingToken: string | undefined): Promise<Result<AssertionStarted>> {
  const config = getConfig().webauthn;
  const found = await findPendingIn(pendingToken, ["ready"]);
  if (!found || !pendingToken) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const independent = checkIndependent(found, "passkey");
  if (!independent.ok) return independent;
  const passkeys = (await listPasskeys(found.user.id)).filter((p) => p.usage === "secondary");
  if (!config.enabled || !passkeys.length) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
  const options = await assertionOptions(passkeys, "discouraged");
  const { state } = await startCeremony("second-factor", {
    challenge: options.challenge,
    ttlSeconds: config.signInWithin,
    userId: found.user.id,
    boundTo: hashToken(pendingToken),
  });
  return { ok: true, options, state };
}

/** Step 2: the passkey must be the pending user's own and registered as a second factor. */
export async function finishPasskeySecondFactor(
  pendingToken: string | undefined,
  input: { state: string; credential: unknown },
  ctx: RequestContext,
): Promise<Result<SecondFactorSuccess>> {
  const found = await findPendingIn(pendingToken, ["ready"]);
  if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
  const budget = await checkSecondFactorBudget(found.user, ctx);
  if (!budget.ok) return budget;
  const taken = await takeCeremony("second-factor", input.state, found.pending.tokenHash);
  if (taken.status !== "valid") return fail("WEBAUTHN_EXPIRED");
  const verified = await verifyPasskeyAssertion(taken.ceremony, input.credential, { usages: ["secondary"], userId: found.user.id }, ctx);
  // API_ERROR (malformed input) is not an authentication attempt; everything else is.
  if (!verified.ok) return verified.code === "API_ERROR" ? verified : refuseSecondFactor(found, ctx, { authType: "passkey", logged: true }, verified);
  return completeSecondFactor(found, "passkey", ctx, true, {
    events: [{ type: "tf_code_confirmed", data: { method: "passkey", name: verified.passkey.name } }],
  });
}
