import "server-only";
import { maskPhone } from "@/lib/security/accounts/phone";
import { confirmCodeSetup, startCodeSetup } from "@/lib/security/codes/setup";
import { getTwoFactor } from "@/lib/security/codes/store";
import { disableTwoFactor } from "@/lib/security/codes/two-factor";
import { getConfig, type TwoFactorMethod } from "@/lib/security/config";
import { fail, type Result } from "@/lib/security/core/errors";
import type { RouteRule } from "@/lib/security/core/routes";
import { codeSetupConfirmSchema, twoFactorSetupSchema } from "@/lib/security/core/schemas";
import { isTwoFactorRequired } from "@/lib/security/core/two-factor-required";
import { pendingLoginToken } from "@/lib/security/sessions/cookies";
import { findPendingIn } from "@/lib/security/sign-in/second-factor";
import { setupMethodsFor, startSetupFromLogin } from "@/lib/security/sign-in/second-factor-setup";
import { checkRule, type Principal } from "../guard";
import type { ApiCall, ApiResult } from "../route";
import { userPayload } from "../user-payload";
import { parseWith } from "./two-factor";

/**
 * Flask-Security's tf-setup and tf-setup/<token>: signed in (and fresh, as /account/security/two-step),
 * the set-up of lib/security/codes/setup.ts with a signed set-up token; during a sign-in that
 * must set one up (the pending login in state "setup"), lib/security/sign-in/second-factor-setup.ts,
 * whose first code goes to tf-validate.
 */

/** The rule of /account/security/two-step, for the signed-in half of an endpoint the pending sign-in also opens. */
const SIGNED_IN_FRESH: RouteRule = { prefix: "/api/security/tf-setup", access: "signed-in", fresh: true };

async function signedInCaller(call: ApiCall): Promise<Result<{ principal: Principal }>> {
  const refused = await checkRule(call.principal, SIGNED_IN_FRESH);
  return refused ?? { ok: true, principal: call.principal! };
}

/** Flask-Security's tf_authr_* fields, from the otpauth:// URI the set-up made (us-setup's authr_* are the same without tf_). */
export function authenticatorFields(secret: string | null, uri: string | null, email: string): Record<string, string> {
  if (!secret || !uri) return {};
  return { tf_authr_key: secret, tf_authr_uri: uri, tf_authr_issuer: new URL(uri).searchParams.get("issuer") ?? getConfig().appName, tf_authr_username: email };
}

/** GET /api/security/tf-setup. */
export async function describeSetup(call: ApiCall): Promise<ApiResult> {
  const csrf_token = await call.csrfToken();
  if (!call.principal) {
    const found = await findPendingIn(await pendingLoginToken(), ["setup"]);
    if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
    return { response: { csrf_token, tf_required: true, tf_method: null, tf_phone_number: null, tf_available_methods: setupMethodsFor(found) } };
  }
  const caller = await signedInCaller(call);
  if (!caller.ok) return caller;
  const { user, authorization } = caller.principal;
  const profile = await getTwoFactor(user.id);
  return {
    response: {
      csrf_token,
      user: userPayload(user),
      tf_required: isTwoFactorRequired(authorization.roles),
      tf_method: profile?.method ?? null,
      tf_phone_number: profile?.phone ? maskPhone(profile.phone) : null,
      tf_available_methods: [...getConfig().twoFactor.methods, ...(isTwoFactorRequired(authorization.roles) ? [] : ["disable"])],
    },
  };
}

/** POST /api/security/tf-setup: propose a method (`setup`, `phone`), or `setup: "disable"` when signed in. */
export async function setup(call: ApiCall): Promise<ApiResult> {
  const csrf_token = await call.csrfToken();
  if (!call.principal) {
    const token = await pendingLoginToken();
    const found = await findPendingIn(token, ["setup"]);
    if (!found) return fail("TWO_FACTOR_PERMISSION_DENIED");
    const input = parseWith(twoFactorSetupSchema, call.fields);
    if (!input.ok) return input;
    const started = await startSetupFromLogin(token, input.data, call.ctx);
    if (!started.ok) return started;
    const fields = authenticatorFields(started.secret, started.uri, found.user.email);
    return { response: { csrf_token, tf_state: "validating_profile", tf_method: started.method, tf_primary_method: started.method, ...fields } };
  }
  const caller = await signedInCaller(call);
  if (!caller.ok) return caller;
  const { user, authorization } = caller.principal;
  if (call.fields.method === "disable") {
    const disabled = await disableTwoFactor(user, authorization.roles, call.ctx);
    return disabled.ok ? { response: { csrf_token, user: userPayload(user), tf_method: null } } : disabled;
  }
  const input = parseWith(twoFactorSetupSchema, call.fields);
  if (!input.ok) return input;
  const started = await startCodeSetup("two-factor", user, input.data, call.ctx);
  if (!started.ok) return started;
  return {
    response: {
      csrf_token,
      tf_state: "validating_profile",
      tf_method: started.method,
      tf_primary_method: started.method,
      tf_state_token: started.setupToken,
      ...authenticatorFields(started.secret, started.uri, user.email),
    },
  };
}

/** POST /api/security/tf-setup/<token>: the proposed method's code saves it (signed in and fresh). */
export async function confirmSetup(call: ApiCall): Promise<ApiResult> {
  const caller = await signedInCaller(call);
  if (!caller.ok) return caller;
  const { user } = caller.principal;
  const setupToken = new URL(call.request.url).pathname.split("/").pop() ?? "";
  const input = parseWith(codeSetupConfirmSchema, { setupToken, code: call.fields.code });
  if (!input.ok) return input.fieldErrors?.setupToken ? fail("API_ERROR") : input;
  const confirmed = await confirmCodeSetup("two-factor", user, input.data, call.ctx);
  if (!confirmed.ok) return confirmed;
  const method = confirmed.method as TwoFactorMethod;
  const phone = method === "sms" ? ((await getTwoFactor(user.id))?.phone ?? null) : null;
  return {
    response: {
      csrf_token: await call.csrfToken(),
      user: userPayload(user),
      tf_method: method,
      tf_primary_method: method,
      tf_phone: phone ? maskPhone(phone) : null,
    },
  };
}
