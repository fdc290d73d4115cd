import "server-only";
import {
  generateRegistrationOptions,
  verifyRegistrationResponse,
  type PublicKeyCredentialCreationOptionsJSON,
  type VerifiedRegistrationResponse,
} from "@simplewebauthn/server";
import { getDb, tables } from "@/lib/db";
import { getConfig, type PasskeyUsage } from "../config";
import { fail, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { parseInput } from "../core/parse-input";
import { utility, type AuthenticatorSelection } from "../core/plugins";
import type { RequestContext } from "../core/request-context";
import { addPasskeySchema, ceremonyAnswerSchema } from "../core/schemas";
import type { SessionRecord } from "../sessions/store";
import type { UserRecord } from "../accounts/users";
import { startCeremony, takeCeremony } from "./ceremonies";
import { ensureUserHandle, listPasskeys, notifyPasskeyChange, sanitizePasskeyName } from "./credentials";
import { parseRegistrationResponse } from "./responses";

/** How long the browser may take over the ceremony (Flask-Security: WAN_REGISTER_TIMEOUT). */
const CEREMONY_TIMEOUT_MS = 60_000;

export interface RegistrationStarted {
  options: PublicKeyCredentialCreationOptionsJSON;
  state: string;
}

/**
 * Step 1 of adding a passkey (signed in, fresh): checks the name, then returns creation
 * options. "Sign in" passkeys must be discoverable and verify the user (they replace a
 * password); second-factor keys may be simple security keys.
 */
export async function beginPasskeyRegistration(
  user: UserRecord,
  session: Pick<SessionRecord, "tokenHash">,
  input: { name: string; usage: PasskeyUsage },
): Promise<Result<RegistrationStarted>> {
  const config = getConfig().webauthn;
  if (!config.enabled) return fail("WEBAUTHN_NOT_AVAILABLE");
  const named = sanitizePasskeyName(input.name);
  if (!named.ok) return named;
  const [existing, userHandle] = await Promise.all([listPasskeys(user.id), ensureUserHandle(user)]);
  if (existing.some((p) => p.name.toLowerCase() === named.name.toLowerCase())) {
    return fail("WEBAUTHN_NAME_INUSE", { name: ["You already have a passkey with this name"] });
  }
  const options = await generateRegistrationOptions({
    rpName: config.rpName,
    rpID: config.rpId,
    userID: Buffer.from(userHandle, "base64url"),
    userName: user.email,
    userDisplayName: user.username ?? user.email,
    timeout: CEREMONY_TIMEOUT_MS,
    attestationType: "none",
    // The authenticator refuses to make a second credential for this account (InvalidStateError).
    excludeCredentials: existing.map((p) => ({ id: p.credentialId, transports: p.transports })),
    authenticatorSelection: authenticatorSelection(input.usage),
    extensions: { credProps: true },
  });
  const { state } = await startCeremony("register", {
    challenge: options.challenge,
    ttlSeconds: config.registerWithin,
    userId: user.id,
    boundTo: session.tokenHash,
    payload: { name: named.name, usage: input.usage },
  });
  return { ok: true, options, state };
}

/** Step 2: verifies the attestation and stores the credential. */
export async function finishPasskeyRegistration(
  user: UserRecord,
  session: Pick<SessionRecord, "tokenHash">,
  input: { state: string; credential: unknown },
  ctx: RequestContext,
): Promise<Result<{ name: string }>> {
  const config = getConfig();
  const taken = await takeCeremony("register", input.state, session.tokenHash);
  if (taken.status !== "valid" || taken.ceremony.userId !== user.id) return fail("WEBAUTHN_EXPIRED");
  const response = parseRegistrationResponse(input.credential);
  if (!response) return fail("API_ERROR");
  const name = String(taken.ceremony.payload.name);
  const usage = taken.ceremony.payload.usage === "first" ? "first" : "secondary";

  let verified: VerifiedRegistrationResponse;
  try {
    verified = await verifyRegistrationResponse({
      response,
      expectedChallenge: taken.ceremony.challenge,
      expectedOrigin: config.webauthn.origins,
      expectedRPID: config.webauthn.rpId,
      requireUserVerification: usage === "first",
    });
  } catch (error) {
    await recordEvent("user_failed_authn", { userId: user.id, ctx, data: { authType: "passkey", during: "register", cause: causeOf(error) } });
    return fail("WEBAUTHN_NO_VERIFY");
  }
  if (!verified.verified) return fail("WEBAUTHN_NO_VERIFY");
  // A "sign in" passkey must be discoverable: username-less sign-in sends no credential list.
  if (usage === "first" && response.clientExtensionResults.credProps?.rk === false) return fail("WEBAUTHN_NOT_DISCOVERABLE");
  const info = verified.registrationInfo;
  // The passkey, its event and the notice to the owner: one transaction.
  const added = await (
    await getDb()
  ).transaction(async (tx) => {
    const [row] = await tx
      .insert(tables.webauthnCredentials)
      .values({
        userId: user.id,
        credentialId: info.credential.id,
        publicKey: Buffer.from(info.credential.publicKey).toString("base64url"),
        signCount: info.credential.counter,
        transports: info.credential.transports ?? response.response.transports ?? [],
        usage,
        name,
        discoverable: response.clientExtensionResults.credProps?.rk ?? null,
        backedUp: info.credentialBackedUp,
        deviceType: info.credentialDeviceType,
        aaguid: info.aaguid,
      })
      // Either unique index may refuse: the credential ID (any user) or the name (this user).
      .onConflictDoNothing()
      .returning({ id: tables.webauthnCredentials.id });
    if (!row) return false;
    await recordEvent("wan_registered", { userId: user.id, ctx, data: { name, usage } }, tx);
    await notifyPasskeyChange(user, "added", { name, usage }, tx);
    return true;
  });
  if (!added) {
    const clash = (await listPasskeys(user.id)).some((p) => p.name.toLowerCase() === name.toLowerCase());
    return clash ? fail("WEBAUTHN_NAME_INUSE", { name: ["You already have a passkey with this name"] }) : fail("WEBAUTHN_CREDENTIAL_ID_INUSE");
  }
  return { ok: true, name };
}

/**
 * The add-a-passkey form (page or JSON API), step 1: `name` and `usage` checked, then the options.
 * `binding`: what the ceremony is bound to, the session (or an API caller's auth token).
 */
export async function startPasskeyRegistrationForm(
  user: UserRecord,
  binding: Pick<SessionRecord, "tokenHash">,
  fields: unknown,
): Promise<Result<RegistrationStarted>> {
  const parsed = parseInput(addPasskeySchema, fields);
  return parsed.ok ? beginPasskeyRegistration(user, binding, parsed.data) : parsed;
}

/** Step 2: `state` and `credential` (an object, or the JSON string Flask-Security's clients send). */
export async function finishPasskeyRegistrationForm(
  user: UserRecord,
  binding: Pick<SessionRecord, "tokenHash">,
  fields: unknown,
  ctx: RequestContext,
): Promise<Result<{ name: string }>> {
  const parsed = parseInput(ceremonyAnswerSchema, fields);
  return parsed.ok ? finishPasskeyRegistration(user, binding, parsed.data, ctx) : parsed;
}

/** A short, log-safe reason from the verifier (it explains origin/RP ID/challenge mismatches). */
export function causeOf(error: unknown): string {
  return error instanceof Error ? error.message.slice(0, 200) : "unknown";
}

/**
 * "Sign in" passkeys replace a password: discoverable and verifying the user. Second-factor keys may be
 * simple security keys; they are asked to be discoverable where they can (Flask-Security's "preferred").
 */
function builtInSelection(usage: PasskeyUsage): AuthenticatorSelection {
  return usage === "first"
    ? { residentKey: "required", requireResidentKey: true, userVerification: "required" }
    : { residentKey: "preferred", userVerification: "discouraged" };
}

/** The WebAuthn utility's choice (lib/security/plugins.ts), by default builtInSelection. */
function authenticatorSelection(usage: PasskeyUsage): AuthenticatorSelection {
  const custom = utility("webauthn").authenticatorSelection;
  return custom ? custom(usage, builtInSelection) : builtInSelection(usage);
}
