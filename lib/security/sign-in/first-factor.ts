import "server-only";
import type { AuthnMethod } from "../core/authn-methods";
import { getConfig } from "../config";
import { fail, type Failure, type Result } from "../core/errors";
import { isLockedOut, recordFailedSignIn, recordUnknownIdentityFailure, unknownIdentityKey } from "../accounts/lockout";
import { burnPasswordCheck } from "../core/password-hash";
import { checkRateLimit, consumeRateLimit, RATE_LIMITS, type RateLimitPolicy } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { afterFirstFactor, readSecondFactorFacts, type FirstFactorOutcome } from "./second-factor";
import type { UserRecord } from "../accounts/users";
import { isLockedByApplication } from "../accounts/application-lock";

/**
 * The one gate every first factor passes (DESIGN.md principle 9): password, one-time code,
 * emailed link, passkey, a fresh registration — and OAuth and the JSON API after them. The order
 * is fixed here, once: budget → identity → lock → verify → account state (disabled, the
 * application's lock, unconfirmed) → second-factor
 * decision → complete. A new way to sign in is a new proof, not a new path, so it cannot skip
 * two-factor or the lock.
 */

/** What a first factor proved about an account. */
export interface Proven {
  user: UserRecord;
  /** How it was proven (sessions.authn_via), first factor first. */
  via: AuthnMethod[];
  /** The factor is two on its own (a passkey with user verification). */
  multiFactor?: boolean;
}

/** The result of checking a typed secret against one account. */
export type SecretCheck = { ok: true; via: AuthnMethod[] } | { ok: false; replayed?: boolean };

/**
 * A secret typed beside an identity (a password, a one-time code): guessable, so the account's
 * budget and the lock apply before it is checked, and an unknown identity costs what a known one does.
 */
export interface SecretProof {
  kind: "secret";
  /** For the activity log: "password" or "passcode". */
  authType: string;
  identity: string;
  /** Hashed once for an unknown identity, so timing does not tell. */
  secret: string;
  find: (identity: string) => Promise<UserRecord | null>;
  check: (user: UserRecord) => Promise<SecretCheck>;
  /** What a wrong secret, or an identity with no account, answers (generic responses or not). */
  refusal: (reason: "wrong" | "unknown") => Failure;
}

/** A proof that names its own account: a passkey assertion, an emailed link, a fresh registration, an OAuth callback. */
export interface SelfIdentifyingProof {
  kind: "self-identifying";
  /** The per-IP budget the attempt spends (null when the caller's own budget already did, e.g. registration). */
  ipBudget: RateLimitPolicy | null;
  prove: () => Promise<Result<Proven>>;
}

export type FirstFactorProof = SecretProof | SelfIdentifyingProof;

export interface SignInOptions {
  remember: boolean;
  /** Where to go afterwards (already checked same-origin by the caller); kept across a second factor. */
  next: string | null;
  /** The "remember this device" cookie, if the browser has one. */
  deviceCookie?: string;
}

export type SignInSuccess = { user: UserRecord; via: AuthnMethod[]; outcome: FirstFactorOutcome };

export async function signInWith(proof: FirstFactorProof, options: SignInOptions, ctx: RequestContext): Promise<Result<SignInSuccess>> {
  const proven = await proveFirstFactor(proof, ctx);
  if (!proven.ok) return proven;
  const { user, via } = proven;
  const outcome = await afterFirstFactor(user, proven, options, ctx, proven.facts);
  if (!outcome.ok) return outcome;
  return { ok: true, user, via, outcome };
}

type ProvenWithFacts = Proven & { facts?: ReturnType<typeof readSecondFactorFacts> };

/**
 * The gate up to the second-factor decision: budget → identity → lock → verify → account state.
 * signInWith goes on to the decision; HTTP Basic (which has no second step) stops here and
 * refuses an account that would need one (lib/security/sign-in/basic-auth.ts).
 */
export async function proveFirstFactor(proof: FirstFactorProof, ctx: RequestContext): Promise<Result<ProvenWithFacts>> {
  const proven = proof.kind === "secret" ? await proveSecret(proof, ctx) : await proveSelf(proof, ctx);
  if (!proven.ok) return proven;
  const config = getConfig();
  if (!proven.user.active) return fail("DISABLED_ACCOUNT");
  // The application's lock: after the proof and the active check, Flask-Security's order (decision 056).
  if (await isLockedByApplication(proven.user)) return fail("LOCKED_ACCOUNT");
  if (config.features.confirmable && !config.loginWithoutConfirmation && !proven.user.confirmedAt) return fail("CONFIRMATION_REQUIRED");
  return proven;
}

async function proveSecret(proof: SecretProof, ctx: RequestContext): Promise<Result<ProvenWithFacts>> {
  const identity = proof.identity.trim();
  const [ipBudget, user] = await Promise.all([consumeRateLimit(RATE_LIMITS.loginPerIp, ctx.ip), proof.find(identity)]);
  if (!ipBudget.ok) return fail("RATE_LIMITED", undefined, ipBudget.retryAfter);
  // Unknown identities have budgets and a lock of their own, so neither tells that an account exists.
  const accountKey = user ? user.id : unknownIdentityKey(identity);
  const [accountBudget, locked] = await Promise.all([checkRateLimit(RATE_LIMITS.loginFailuresPerAccount, accountKey), isLockedOut(user, accountKey)]);
  if (!accountBudget.ok) return fail("RATE_LIMITED", undefined, accountBudget.retryAfter);
  if (locked) {
    await burnPasswordCheck(proof.secret);
    return fail("ACCOUNT_LOCKED");
  }
  if (!user) {
    await burnPasswordCheck(proof.secret);
    await recordUnknownIdentityFailure(accountKey, ctx, proof.authType);
    return proof.refusal("unknown");
  }
  // The second-factor facts are read while the hash runs: a round trip less to wait for.
  const facts = readSecondFactorFacts(user.id);
  const checked = await proof.check(user);
  if (!checked.ok) {
    // A code already used (a replay, or the loser of two submissions at once) is no guess: not counted.
    if (!checked.replayed) await recordFailedSignIn(user, ctx, { authType: proof.authType });
    return proof.refusal("wrong");
  }
  return { ok: true, user, via: checked.via, facts };
}

async function proveSelf(proof: SelfIdentifyingProof, ctx: RequestContext): Promise<Result<ProvenWithFacts>> {
  if (proof.ipBudget) {
    const ipBudget = await consumeRateLimit(proof.ipBudget, ctx.ip);
    if (!ipBudget.ok) return fail("RATE_LIMITED", undefined, ipBudget.retryAfter);
  }
  const proven = await proof.prove();
  if (!proven.ok) return proven;
  if (await isLockedOut(proven.user, proven.user.id)) return fail("ACCOUNT_LOCKED");
  return proven;
}
