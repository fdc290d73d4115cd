import "server-only";
import { getConfig } from "@/lib/security/config";
import { fail } from "@/lib/security/core/errors";
import { requestEmailChange } from "@/lib/security/lifecycle/change-email";
import { changeUsername, recoverUsername } from "@/lib/security/lifecycle/username";
import type { ApiCall, ApiResult } from "../route";
import { userPayload } from "../user-payload";

const textField = (value: unknown): string => (typeof value === "string" ? value : "");

/** GET /api/security/change-email (the route table: signed in, fresh). */
export async function describeEmailChange(call: ApiCall): Promise<ApiResult> {
  if (!call.principal) return fail("UNAUTHENTICATED");
  if (!getConfig().features.changeEmail) return fail("API_ERROR");
  const { user } = call.principal;
  return { response: { user: userPayload(user), csrf_token: await call.csrfToken(), current_email: user.email } };
}

/** POST /api/security/change-email: the page's flow (lib/security/lifecycle/change-email.ts). */
export async function changeEmail(call: ApiCall): Promise<ApiResult> {
  if (!call.principal) return fail("UNAUTHENTICATED");
  const { user } = call.principal;
  const result = await requestEmailChange(user, textField(call.fields.email), call.ctx);
  if (!result.ok) return result;
  return { response: { user: userPayload(user), csrf_token: await call.csrfToken(), current_email: user.email } };
}

/** GET /api/security/change-username. */
export async function describeUsernameChange(call: ApiCall): Promise<ApiResult> {
  if (!call.principal) return fail("UNAUTHENTICATED");
  if (!getConfig().features.changeUsername) return fail("API_ERROR");
  const { user } = call.principal;
  return { response: { user: userPayload(user), csrf_token: await call.csrfToken(), current_username: user.username } };
}

/** POST /api/security/change-username. */
export async function changeUsernameByApi(call: ApiCall): Promise<ApiResult> {
  if (!call.principal) return fail("UNAUTHENTICATED");
  const { user } = call.principal;
  const result = await changeUsername(user, textField(call.fields.username), call.ctx);
  if (!result.ok) return result;
  return { response: { user: { ...userPayload(user), username: result.username }, csrf_token: await call.csrfToken() } };
}

/** POST /api/security/recover-username (anonymous only, as in Flask-Security). */
export async function recoverUsernameByApi(call: ApiCall): Promise<ApiResult> {
  if (call.principal) return fail("ANONYMOUS_USER_REQUIRED");
  const result = await recoverUsername(textField(call.fields.email), call.ctx);
  if (!result.ok) return result;
  return { response: { csrf_token: await call.csrfToken() } };
}
