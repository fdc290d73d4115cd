import "server-only";
import * as z from "zod/mini";
import { getDb } from "@/lib/db";
import type { AuthnMethod } from "../core/authn-methods";
import { getConfig } from "../config";
import { assertionOptions, verifyPasskeyAssertion, type AssertionStarted } from "../passkeys/authentication";
import { startCeremony, takeCeremony } from "../passkeys/ceremonies";
import { listPasskeys } from "../passkeys/credentials";
import { sendSavedCode } from "../codes/send";
import { findSignInMethod } from "../codes/store";
import { matchPasscode } from "../sign-in/passcode";
import { fail, messageFor, type Failure, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { verifyAndUpdatePassword } from "../accounts/password-upgrade";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { safeRedirectPath } from "../core/redirects";
import { ceremonyAnswerSchema, verifySchema, wellFormedString } from "../core/schemas";
import { parseInput } from "../core/parse-input";
import { markAuthenticated, type SessionRecord } from "../sessions/store";
import type { UserRecord } from "../accounts/users";
import { findLinkedUser, touchLink } from "../oauth/links";
import type { ProviderIdentity } from "../sessions/oauth-handoff";

/** An administrator viewing as the user (decision 042) never becomes fresh as them, by any method. */
const IMPERSONATING = (): Failure => fail("IMPERSONATION_FRESHNESS_REFUSED");

/** Freshness by password (`/verify`): the session counts as just signed in again. */
export async function reauthenticateWithPassword(user: UserRecord, session: SessionRecord, password: string, ctx: RequestContext): Promise<Result> {
  if (session.impersonatorId) return IMPERSONATING();
  const [perUser, perIp] = await Promise.all([consumeRateLimit(RATE_LIMITS.verifyPerUser, user.id), consumeRateLimit(RATE_LIMITS.verifyPerIp, ctx.ip)]);
  if (!perUser.ok) return fail("RATE_LIMITED", undefined, perUser.retryAfter);
  if (!perIp.ok) return fail("RATE_LIMITED", undefined, perIp.retryAfter);
  if (!(await verifyAndUpdatePassword(user, password, ctx))) {
    await recordEvent("user_failed_authn", { userId: user.id, ctx, data: { authType: "password", during: "verify" } });
    return fail("INVALID_PASSWORD", { password: [messageFor("INVALID_PASSWORD")] });
  }
  await markReauthenticated(session, "verify", { userId: user.id, ctx, data: { method: "password" } });
  return { ok: true };
}

/** The /verify form (page or JSON API): its fields checked, then the password. Where to go next comes back. */
export async function verifyPasswordForm(
  current: { user: UserRecord; session: SessionRecord },
  fields: unknown,
  ctx: RequestContext,
): Promise<Result<{ next: string | null }>> {
  const parsed = parseInput(verifySchema, fields);
  if (!parsed.ok) return parsed;
  const result = await reauthenticateWithPassword(current.user, current.session, parsed.data.password, ctx);
  return result.ok ? { ok: true, next: safeRedirectPath(parsed.data.next) } : result;
}

/**
 * Freshness by passkey, step 1: only the signed-in user's passkeys (of the usages allowed for
 * verification, SECURITY_WAN_ALLOW_AS_VERIFY) are offered, bound to this session.
 */
export async function beginPasskeyReauthentication(user: UserRecord, session: SessionRecord): Promise<Result<AssertionStarted>> {
  if (session.impersonatorId) return IMPERSONATING();
  const config = getConfig().webauthn;
  const passkeys = (await listPasskeys(user.id)).filter((p) => config.allowAsVerify.includes(p.usage));
  if (!config.enabled || !passkeys.length) return fail("WEBAUTHN_NOT_AVAILABLE");
  // SECURITY_WAN_VERIFY_USER_VERIFICATION: the session already says who; the key proves presence (Flask-Security: "discouraged").
  const options = await assertionOptions(passkeys, config.verifyUserVerification);
  const { state } = await startCeremony("verify", {
    challenge: options.challenge,
    ttlSeconds: config.signInWithin,
    userId: user.id,
    boundTo: session.tokenHash,
  });
  return { ok: true, options, state };
}

/** Step 2: another user's passkey, or a stale/replayed state, leaves freshness unchanged. */
export async function reauthenticateWithPasskey(
  user: UserRecord,
  session: SessionRecord,
  input: { state: string; credential: unknown },
  ctx: RequestContext,
): Promise<Result> {
  if (session.impersonatorId) return IMPERSONATING();
  const [perUser, perIp] = await Promise.all([consumeRateLimit(RATE_LIMITS.verifyPerUser, user.id), consumeRateLimit(RATE_LIMITS.verifyPerIp, ctx.ip)]);
  if (!perUser.ok) return fail("RATE_LIMITED", undefined, perUser.retryAfter);
  if (!perIp.ok) return fail("RATE_LIMITED", undefined, perIp.retryAfter);
  const taken = await takeCeremony("verify", input.state, session.tokenHash);
  if (taken.status !== "valid" || taken.ceremony.userId !== user.id) return fail("WEBAUTHN_EXPIRED");
  const usages = getConfig().webauthn.allowAsVerify;
  const verified = await verifyPasskeyAssertion(taken.ceremony, input.credential, { usages, userId: user.id }, ctx);
  if (!verified.ok) return verified;
  await markReauthenticated(session, "passkey", { userId: user.id, ctx, data: { method: "passkey", name: verified.passkey.name } });
  return { ok: true };
}

/** The passkey step 2 form (page or JSON API): `state` and `credential`, then the assertion. */
export async function verifyPasskeyForm(current: { user: UserRecord; session: SessionRecord }, fields: unknown, ctx: RequestContext): Promise<Result> {
  const parsed = parseInput(ceremonyAnswerSchema, fields);
  return parsed.ok ? reauthenticateWithPasskey(current.user, current.session, parsed.data, ctx) : parsed;
}

/** Re-verify by code, step 1: "Email me a code" / "Text me a code" (no sign-in link). */
export async function sendReauthenticationCode(user: UserRecord, method: string, ctx: RequestContext): Promise<Result> {
  if (method !== "email" && method !== "sms") return fail("US_METHOD_NOT_AVAILABLE");
  const row = await findSignInMethod(user.id, method);
  if (!row) return fail("US_METHOD_NOT_AVAILABLE");
  return sendSavedCode("sign-in", user, row, ctx);
}

/** Re-verify by code, step 2: a code of any of the user's active sign-in methods (or the password). */
export async function reauthenticateWithPasscode(user: UserRecord, session: SessionRecord, passcode: string, ctx: RequestContext): Promise<Result> {
  if (session.impersonatorId) return IMPERSONATING();
  const [perUser, perIp] = await Promise.all([consumeRateLimit(RATE_LIMITS.verifyPerUser, user.id), consumeRateLimit(RATE_LIMITS.verifyPerIp, ctx.ip)]);
  if (!perUser.ok) return fail("RATE_LIMITED", undefined, perUser.retryAfter);
  if (!perIp.ok) return fail("RATE_LIMITED", undefined, perIp.retryAfter);
  const match = await matchPasscode(user, passcode);
  if (!match.ok) {
    await recordEvent("user_failed_authn", { userId: user.id, ctx, data: { authType: "passcode", during: "verify" } });
    return fail("INVALID_PASSWORD_CODE", { code: [messageFor("INVALID_PASSWORD_CODE")] });
  }
  await markReauthenticated(session, match.method === "password" ? "verify" : match.method, { userId: user.id, ctx, data: { method: match.method } });
  return { ok: true };
}

/**
 * Flask-Security's us-verify box (the JSON API): one `code` field that may be the password or a
 * code of an active sign-in method, as matchPasscode tries them. Empty is a wrong passcode.
 */
const passcodeVerifySchema = z.object({
  code: z.optional(wellFormedString().check(z.maxLength(1024))),
  next: z.optional(wellFormedString().check(z.maxLength(2048))),
});

export async function verifyPasscodeForm(
  current: { user: UserRecord; session: SessionRecord },
  fields: unknown,
  ctx: RequestContext,
): Promise<Result<{ next: string | null }>> {
  const parsed = parseInput(passcodeVerifySchema, fields);
  if (!parsed.ok) return parsed;
  const result = await reauthenticateWithPasscode(current.user, current.session, parsed.data.code ?? "", ctx);
  return result.ok ? { ok: true, next: safeRedirectPath(parsed.data.next) } : result;
}

/**
 * Freshness by a provider (Flask-Security's oauth-verify): only the identity linked to this
 * account, by subject, counts; any other provider account — even one with the same email — is
 * refused and freshness is unchanged.
 */
export async function reauthenticateWithOAuth(user: UserRecord, session: SessionRecord, identity: ProviderIdentity, ctx: RequestContext): Promise<Result> {
  if (session.impersonatorId) return IMPERSONATING();
  const [perUser, perIp] = await Promise.all([consumeRateLimit(RATE_LIMITS.verifyPerUser, user.id), consumeRateLimit(RATE_LIMITS.verifyPerIp, ctx.ip)]);
  if (!perUser.ok) return fail("RATE_LIMITED", undefined, perUser.retryAfter);
  if (!perIp.ok) return fail("RATE_LIMITED", undefined, perIp.retryAfter);
  const linked = await findLinkedUser(identity.provider, identity.subject);
  if (linked?.user.id !== user.id) {
    await recordEvent("user_failed_authn", { userId: user.id, ctx, data: { authType: "oauth", provider: identity.provider, during: "verify" } });
    return fail("OAUTH_NOT_LINKED_IDENTITY");
  }
  await markReauthenticated(session, "oauth", { userId: user.id, ctx, data: { method: "oauth", provider: identity.provider } });
  await touchLink(linked.link.id);
  return { ok: true };
}

/** The fresher session and its event in one transaction: no freshness that the activity log does not show. */
async function markReauthenticated(
  session: SessionRecord,
  via: AuthnMethod,
  event: { userId: string; ctx: RequestContext; data: Record<string, unknown> },
): Promise<void> {
  await (
    await getDb()
  ).transaction(async (tx) => {
    await markAuthenticated(session.tokenHash, via, tx);
    await recordEvent("reauthenticated", event, tx);
  });
}
