import "server-only";
import { getConfig } from "@/lib/security/config";
import { fail, messageFor, type Result } from "@/lib/security/core/errors";
import { listPasskeys } from "@/lib/security/passkeys/credentials";
import { deletePasskeyByName } from "@/lib/security/passkeys/manage";
import { finishPasskeyRegistrationForm, startPasskeyRegistrationForm } from "@/lib/security/passkeys/registration";
import { beginPasskeyReauthentication, verifyPasskeyForm } from "@/lib/security/re-verify/reauthenticate";
import type { Principal } from "../guard";
import type { ApiCall, ApiResult } from "../route";
import { userPayload } from "../user-payload";
import { sessionOf } from "./account";
import { freshAnswer } from "./unified-account";
import { pathToken } from "./webauthn";

/**
 * Flask-Security's signed-in passkey endpoints: wan-register and wan-delete (the passkeys page's
 * flows, fresh, session or token) and wan-verify (freshness by passkey, the session's only, as
 * /verify). Ceremonies live in Postgres, bound to the caller's session or auth token, so a state
 * another caller holds is of no use.
 */

/** A signed-in caller with passkeys on, and what its ceremonies are bound to (the session's or the token's hash). */
function passkeyCaller(call: ApiCall): Result<{ principal: Principal; binding: { tokenHash: string } }> {
  if (!getConfig().webauthn.enabled) return fail("WEBAUTHN_NOT_AVAILABLE");
  const principal = call.principal;
  if (principal?.via === "session") return { ok: true, principal, binding: { tokenHash: principal.session.tokenHash } };
  if (principal?.via === "token") return { ok: true, principal, binding: { tokenHash: principal.token.tokenHash } };
  return fail("UNAUTHENTICATED");
}

/** GET /api/security/wan-register: the user's passkeys, as Flask-Security lists them. */
export async function describeWanRegister(call: ApiCall): Promise<ApiResult> {
  const caller = passkeyCaller(call);
  if (!caller.ok) return caller;
  const { user } = caller.principal;
  const passkeys = await listPasskeys(user.id);
  return {
    response: {
      user: userPayload(user),
      csrf_token: await call.csrfToken(),
      registered_credentials: passkeys.map((p) => ({
        name: p.name,
        credential_id: p.credentialId,
        transports: p.transports,
        lastuse: p.lastUsedAt?.toISOString() ?? null,
        usage: p.usage === "first" ? "first" : "secondary",
        backup_state: p.backedUp,
        device_type: p.deviceType,
        discoverable: p.discoverable,
      })),
    },
  };
}

/** POST /api/security/wan-register: `name`, `usage` (Flask-Security's default: a second factor) → creation options. */
export async function wanRegister(call: ApiCall): Promise<ApiResult> {
  const caller = passkeyCaller(call);
  if (!caller.ok) return caller;
  const name = typeof call.fields.name === "string" ? call.fields.name : "";
  // Flask-Security's key for a missing name (the page's form says it under the field alone).
  if (!name.trim()) return fail("WEBAUTHN_NAME_REQUIRED", { name: [messageFor("WEBAUTHN_NAME_REQUIRED")] });
  const fields = { name, usage: call.fields.usage ?? "secondary" };
  const started = await startPasskeyRegistrationForm(caller.principal.user, caller.binding, fields);
  if (!started.ok) return started;
  return { response: { csrf_token: await call.csrfToken(), credential_options: started.options, wan_state: started.state } };
}

/** POST /api/security/wan-register/<state>: the attestation stores the passkey (Flask-Security answers C). */
export async function wanRegisterFinish(call: ApiCall): Promise<ApiResult> {
  const caller = passkeyCaller(call);
  if (!caller.ok) return caller;
  const fields = { state: pathToken(call), credential: call.fields.credential };
  const added = await finishPasskeyRegistrationForm(caller.principal.user, caller.binding, fields, call.ctx);
  if (!added.ok) return added.fieldErrors?.state ? fail("WEBAUTHN_EXPIRED") : added;
  return { response: { csrf_token: await call.csrfToken() } };
}

/** POST /api/security/wan-delete: `name`. */
export async function wanDelete(call: ApiCall): Promise<ApiResult> {
  const caller = passkeyCaller(call);
  if (!caller.ok) return caller;
  const { user, authorization } = caller.principal;
  const name = typeof call.fields.name === "string" ? call.fields.name : "";
  const deleted = await deletePasskeyByName(user, authorization.roles, name, call.ctx);
  if (!deleted.ok) return deleted;
  return { response: { csrf_token: await call.csrfToken() } };
}

/** POST /api/security/wan-verify: options offering only this user's passkeys allowed for re-verification. */
export async function wanVerify(call: ApiCall): Promise<ApiResult> {
  const current = sessionOf(call);
  if (!current) return fail("UNAUTHENTICATED");
  const started = await beginPasskeyReauthentication(current.user, current.session);
  if (!started.ok) return started;
  return { response: { csrf_token: await call.csrfToken(), credential_options: started.options, wan_state: started.state } };
}

/** POST /api/security/wan-verify/<state>: the assertion makes the session fresh again (another user's key does not). */
export async function wanVerifyFinish(call: ApiCall): Promise<ApiResult> {
  const current = sessionOf(call);
  if (!current) return fail("UNAUTHENTICATED");
  const verified = await verifyPasskeyForm(current, { state: pathToken(call), credential: call.fields.credential }, call.ctx);
  if (!verified.ok) return verified.fieldErrors?.state ? fail("WEBAUTHN_EXPIRED") : verified;
  return { response: await freshAnswer(call, current.sessionToken) };
}
