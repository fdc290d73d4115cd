import "server-only";
import { maskPhone } from "@/lib/security/accounts/phone";
import { isCodeMethod, rulesFor } from "@/lib/security/codes/purposes";
import { confirmSignInMethodSetupForm, removeSignInMethodForm, startSignInMethodSetupForm } from "@/lib/security/codes/sign-in-methods";
import { listSignInMethods } from "@/lib/security/codes/store";
import { getConfig, type UnifiedMethod } from "@/lib/security/config";
import { fail, messageFor, type Result } from "@/lib/security/core/errors";
import { sendReauthenticationCode, verifyPasscodeForm } from "@/lib/security/re-verify/reauthenticate";
import { findActiveSession } from "@/lib/security/sessions/store";
import type { UserRecord } from "@/lib/security/accounts/users";
import type { Principal } from "../guard";
import type { ApiCall, ApiResult } from "../route";
import { userPayload, userPayloadWithToken } from "../user-payload";
import { hasWebauthnVerifyCredential, oauthVerifyProviders } from "../reauth";
import { sessionOf } from "./account";
import { authenticatorFields } from "./two-factor-setup";
import { usIdentityAttributes } from "./unified-signin";
import { pathToken } from "./webauthn";

/**
 * Flask-Security's signed-in unified sign-in endpoints: us-verify (freshness by passcode, the
 * session's only, as /verify) and us-setup (the sign-in methods page's forms,
 * lib/security/codes/sign-in-methods.ts; fresh, session or token).
 */

/** A signed-in caller of a unified sign-in endpoint, with unified sign-in on. */
function unifiedCaller(call: ApiCall): Result<{ principal: Principal }> {
  if (!getConfig().unified.enabled) return fail("US_METHOD_NOT_AVAILABLE");
  return call.principal ? { ok: true, principal: call.principal } : fail("UNAUTHENTICATED");
}

/** The methods the user can sign in with now: the password (when it counts here) and each saved code method. */
async function activeMethods(user: UserRecord): Promise<UnifiedMethod[]> {
  const offered = getConfig().unified.methods;
  const saved = (await listSignInMethods(user.id)).map((r) => r.method).filter(isCodeMethod);
  return [...(offered.includes("password") && user.passwordHash ? (["password"] as const) : []), ...saved.filter((m) => offered.includes(m))];
}

/** GET /api/security/us-verify. */
export async function describeUsVerify(call: ApiCall): Promise<ApiResult> {
  const current = sessionOf(call);
  if (!current) return fail("UNAUTHENTICATED");
  if (!getConfig().unified.enabled) return fail("US_METHOD_NOT_AVAILABLE");
  const active = await activeMethods(current.user);
  return {
    response: {
      user: userPayload(current.user),
      csrf_token: await call.csrfToken(),
      available_methods: getConfig().unified.methods,
      code_methods: active.filter((m): m is "email" | "sms" => m === "email" || m === "sms"),
      has_webauthn_verify_credential: await hasWebauthnVerifyCredential(current.user.id),
      ...(await oauthVerifyProviders(current.user.id)),
    },
  };
}

/** POST /api/security/us-verify: the passcode (password or code) through re-verify/reauthenticate.ts. */
export async function usVerify(call: ApiCall): Promise<ApiResult> {
  const current = sessionOf(call);
  if (!current) return fail("UNAUTHENTICATED");
  if (!getConfig().unified.enabled) return fail("US_METHOD_NOT_AVAILABLE");
  const result = await verifyPasscodeForm(current, call.fields, call.ctx);
  if (!result.ok) return result;
  return { response: await freshAnswer(call, current.sessionToken) };
}

/** The answer of a successful re-verification: the user (with a token as fresh as the session now is, when asked). */
export async function freshAnswer(call: ApiCall, sessionToken: string): Promise<{ user: object; csrf_token: string }> {
  const active = await findActiveSession(sessionToken);
  const proof = call.includeAuthToken && active ? { authnVia: active.session.authnVia, authenticatedAt: active.session.authenticatedAt } : null;
  return { user: await userPayloadWithToken(active?.user ?? call.principal!.user, proof), csrf_token: await call.csrfToken() };
}

/** POST /api/security/us-verify/send-code: `chosen_method` email or sms, one of the user's. */
export async function usVerifySendCode(call: ApiCall): Promise<ApiResult> {
  const current = sessionOf(call);
  if (!current) return fail("UNAUTHENTICATED");
  if (!getConfig().unified.enabled) return fail("US_METHOD_NOT_AVAILABLE");
  const method = typeof call.fields.method === "string" ? call.fields.method : "";
  const sent = await sendReauthenticationCode(current.user, method, call.ctx);
  if (!sent.ok) return sent.code === "US_METHOD_NOT_AVAILABLE" ? fail(sent.code, { method: [messageFor(sent.code)] }) : sent;
  return { response: { csrf_token: await call.csrfToken() } };
}

/** GET /api/security/us-setup. */
export async function describeUsSetup(call: ApiCall): Promise<ApiResult> {
  const caller = unifiedCaller(call);
  if (!caller.ok) return caller;
  const { user } = caller.principal;
  const offered = getConfig().unified.methods;
  const sms = (await listSignInMethods(user.id)).find((r) => r.method === "sms");
  return {
    response: {
      user: userPayload(user),
      csrf_token: await call.csrfToken(),
      identity_attributes: usIdentityAttributes(),
      available_methods: offered,
      active_methods: await activeMethods(user),
      setup_methods: offered.filter(isCodeMethod).filter((m) => rulesFor("sign-in").isEnabled(m)),
      phone: sms?.phone ? maskPhone(sms.phone) : null,
    },
  };
}

/**
 * POST /api/security/us-setup: `delete_method` (one or a list) removes methods at once, then
 * `chosen_method` (+`phone`) proposes one; the page's forms, so its rules (never the last way in).
 */
export async function usSetup(call: ApiCall): Promise<ApiResult> {
  const caller = unifiedCaller(call);
  if (!caller.ok) return caller;
  const { user } = caller.principal;
  const { remove, method, phone } = call.fields;
  for (const each of remove === undefined ? [] : Array.isArray(remove) ? remove : [remove]) {
    const removed = await removeSignInMethodForm(user, { method: each }, call.ctx);
    if (!removed.ok) return removed;
  }
  if (method === undefined && remove !== undefined) {
    return { response: { user: userPayload(user), csrf_token: await call.csrfToken(), active_methods: await activeMethods(user) } };
  }
  const started = await startSignInMethodSetupForm(user, { method, phone }, call.ctx);
  if (!started.ok) return started;
  const authr = Object.entries(authenticatorFields(started.secret, started.uri, user.email)).map(([k, v]) => [k.replace(/^tf_/, ""), v]);
  return {
    response: {
      csrf_token: await call.csrfToken(),
      chosen_method: started.method,
      phone: started.method === "sms" ? started.sentTo : null,
      state: started.setupToken,
      ...Object.fromEntries(authr),
    },
  };
}

/** POST /api/security/us-setup/<state>: the new method's first code saves it. */
export async function usSetupConfirm(call: ApiCall): Promise<ApiResult> {
  const caller = unifiedCaller(call);
  if (!caller.ok) return caller;
  const { user } = caller.principal;
  const confirmed = await confirmSignInMethodSetupForm(user, { setupToken: pathToken(call), code: call.fields.code }, call.ctx);
  if (!confirmed.ok) return confirmed.fieldErrors?.setupToken ? fail("API_ERROR") : confirmed;
  const sms = confirmed.method === "sms" ? (await listSignInMethods(user.id)).find((r) => r.method === "sms") : undefined;
  return {
    response: {
      user: userPayload(user),
      csrf_token: await call.csrfToken(),
      chosen_method: confirmed.method,
      phone: sms?.phone ? maskPhone(sms.phone) : null,
    },
  };
}
