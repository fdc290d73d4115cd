import "server-only";
import { getConfig } from "@/lib/security/config";
import { fail } from "@/lib/security/core/errors";
import { rulesFor } from "@/lib/security/codes/purposes";
import { passcodeLoginWithForm } from "@/lib/security/sign-in/login";
import { requestSignInCode } from "@/lib/security/sign-in/passcode";
import type { ApiCall, ApiResult } from "../route";
import { userPayload } from "../user-payload";
import { answerLogin, identityAttributes, withRememberDefault } from "./login";

/** The methods that send a code for unified sign-in (SECURITY_US_ENABLED_METHODS, transport configured). */
function codeMethods(): ("email" | "sms")[] {
  return (["email", "sms"] as const).filter((m) => getConfig().unified.methods.includes(m) && rulesFor("sign-in").isEnabled(m));
}

/** The identities unified sign-in takes: login's, and a phone number once SMS sign-in is offered (Flask-Security's us_phone_number). */
export function usIdentityAttributes(): Record<string, { case_insensitive?: boolean; mapper?: string }>[] {
  const phone = getConfig().unified.methods.includes("sms") ? [{ us_phone_number: { mapper: "phone" } }] : [];
  return [...identityAttributes(), ...phone];
}

/** GET /api/security/us-signin: what the box accepts. */
export async function describeUsSignin(call: ApiCall): Promise<ApiResult> {
  const config = getConfig();
  if (!config.unified.enabled) return fail("US_METHOD_NOT_AVAILABLE");
  const response = {
    available_methods: config.unified.methods,
    code_methods: codeMethods(),
    identity_attributes: usIdentityAttributes(),
    csrf_token: await call.csrfToken(),
  };
  return { response: call.principal ? { ...response, user: userPayload(call.principal.user) } : response };
}

/** POST /api/security/us-signin: the unified sign-in flow (lib/security/sign-in/login.ts), answered as login's JSON. */
export async function usSignin(call: ApiCall): Promise<ApiResult> {
  if (call.principal) return fail("ANONYMOUS_USER_REQUIRED");
  return answerLogin(call, await passcodeLoginWithForm(withRememberDefault(call.fields), call.ctx));
}

/** POST /api/security/us-signin/send-code: `{ csrf_token }` (generic responses: whatever the identity). */
export async function usSigninSendCode(call: ApiCall): Promise<ApiResult> {
  if (call.principal) return fail("ANONYMOUS_USER_REQUIRED");
  if (!getConfig().unified.enabled) return fail("US_METHOD_NOT_AVAILABLE");
  const sent = await requestSignInCode(call.fields, call.ctx);
  if (!sent.ok) return sent;
  return { response: { csrf_token: await call.csrfToken() } };
}
