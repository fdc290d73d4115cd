import "server-only";
import {
  generateAuthenticationOptions,
  verifyAuthenticationResponse,
  type PublicKeyCredentialRequestOptionsJSON,
  type VerifiedAuthenticationResponse,
} from "@simplewebauthn/server";
import { and, eq, or, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { getConfig, type PasskeyUsage } from "../config";
import { fail, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import type { RequestContext } from "../core/request-context";
import type { UserRecord } from "../accounts/users";
import type { Ceremony } from "./ceremonies";
import { findPasskeyByCredentialId, type PasskeyRecord } from "./credentials";
import { parseAuthenticationResponse } from "./responses";
import { causeOf } from "./registration";

/** How long the browser may take over the ceremony (Flask-Security: WAN_SIGNIN_TIMEOUT). */
export const ASSERTION_TIMEOUT_MS = 60_000;

export interface AssertionStarted {
  options: PublicKeyCredentialRequestOptionsJSON;
  state: string;
}

export interface VerifiedPasskey {
  passkey: PasskeyRecord;
  user: UserRecord;
  /** The authenticator checked a PIN or biometric: possession and knowledge/inherence in one. */
  userVerified: boolean;
}

/** Request options for the configured RP; `allow` limits the choice to known credentials. */
export async function assertionOptions(
  allow: Pick<PasskeyRecord, "credentialId" | "transports">[] | null,
  userVerification: "required" | "preferred" | "discouraged",
): Promise<PublicKeyCredentialRequestOptionsJSON> {
  return generateAuthenticationOptions({
    rpID: getConfig().webauthn.rpId,
    timeout: ASSERTION_TIMEOUT_MS,
    userVerification,
    ...(allow ? { allowCredentials: allow.map((p) => ({ id: p.credentialId, ...(p.transports.length ? { transports: p.transports } : {}) })) } : {}),
  });
}

/**
 * Checks an assertion against a taken ceremony, in this order: well-formed, known credential,
 * valid signature for this challenge/origin/RP ID, counter moved forward; then the rules of the
 * caller (whose passkey, what usage). The stored counter only moves forward (conditional
 * UPDATE), so a cloned authenticator replaying an old counter is refused even under concurrency.
 */
export async function verifyPasskeyAssertion(
  ceremony: Ceremony,
  credential: unknown,
  rules: { usages: readonly PasskeyUsage[]; userId?: string },
  ctx: RequestContext,
): Promise<Result<VerifiedPasskey>> {
  const config = getConfig().webauthn;
  const response = parseAuthenticationResponse(credential);
  if (!response || response.id !== response.rawId) return fail("API_ERROR");
  const found = await findPasskeyByCredentialId(response.id);
  if (!found) {
    await recordEvent("user_failed_authn", { userId: null, ctx, data: { authType: "passkey", reason: "unknown_credential" } });
    return fail("WEBAUTHN_UNKNOWN_CREDENTIAL_ID");
  }
  const { user, ...passkey } = found;
  // A failure belongs to the account being signed in to or re-verified (when the caller knows
  // it), else to the passkey's owner.
  const failed = async (code: Parameters<typeof fail>[0], reason: string) => {
    await recordEvent("user_failed_authn", { userId: rules.userId ?? user.id, ctx, data: { authType: "passkey", reason, purpose: ceremony.purpose } });
    return fail(code);
  };

  let verified: VerifiedAuthenticationResponse;
  try {
    verified = await verifyAuthenticationResponse({
      response,
      expectedChallenge: ceremony.challenge,
      expectedOrigin: config.origins,
      expectedRPID: config.rpId,
      credential: {
        id: passkey.credentialId,
        publicKey: Buffer.from(passkey.publicKey, "base64url"),
        counter: passkey.signCount,
        transports: passkey.transports,
      },
      // Whether UV is needed depends on the caller (sign-in uses it to skip the second factor).
      requireUserVerification: false,
    });
  } catch (error) {
    return failed("WEBAUTHN_NO_VERIFY", causeOf(error));
  }
  if (!verified.verified) return failed("WEBAUTHN_NO_VERIFY", "signature");
  const { newCounter, userVerified, credentialBackedUp } = verified.authenticationInfo;

  if (response.response.userHandle !== undefined && response.response.userHandle !== user.webauthnUserHandle) {
    return failed("WEBAUTHN_MISMATCH_USER_HANDLE", "user_handle");
  }
  if (rules.userId !== undefined && rules.userId !== user.id) return failed("WEBAUTHN_MISMATCH_USER_HANDLE", "other_user");
  if (!rules.usages.includes(passkey.usage)) return failed("WEBAUTHN_CREDENTIAL_WRONG_USAGE", "usage");

  const db = await getDb();
  const table = tables.webauthnCredentials;
  const moved = await db
    .update(table)
    .set({ signCount: newCounter, lastUsedAt: sql`now()`, backedUp: credentialBackedUp })
    .where(
      and(
        eq(table.id, passkey.id),
        // Authenticators that do not count always send 0; any that do must go up.
        or(and(eq(table.signCount, 0), sql`${newCounter} = 0`), sql`${table.signCount} < ${newCounter}`),
      ),
    )
    .returning({ id: table.id });
  if (!moved.length) return failed("WEBAUTHN_NO_VERIFY", "counter");
  return { ok: true, passkey, user, userVerified };
}
