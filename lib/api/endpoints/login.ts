import "server-only";
import { getConfig } from "@/lib/security/config";
import { fail } from "@/lib/security/core/errors";
import { clearRefreshTokenCookie } from "@/lib/security/sessions/cookies";
import { revokeRefreshToken } from "@/lib/security/sessions/refresh-tokens";
import { signOut } from "@/lib/security/sessions/sign-out";
import { loginWithForm, type LoginOutcome } from "@/lib/security/sign-in/login";
import type { SecondFactorMethod } from "@/lib/security/sign-in/second-factor";
import type { ApiCall, ApiResult } from "../route";
import { presentedRefreshToken } from "./refresh-token";
import { userPayload, userPayloadWithToken } from "../user-payload";

/** Flask-Security's name for a second factor: Gatehouse's "passkey" is its "webauthn". */
function tfMethod(method: SecondFactorMethod): string {
  return method === "passkey" ? "webauthn" : method;
}

/** USER_IDENTITY_ATTRIBUTES as GET /login lists them: email, and username when enabled. */
export function identityAttributes(): Record<string, { case_insensitive: boolean }>[] {
  const attributes = [{ email: { case_insensitive: true } }];
  return getConfig().username.enabled ? [...attributes, { username: { case_insensitive: true } }] : attributes;
}

/** GET /api/security/login. */
export async function describeLogin(call: ApiCall): Promise<ApiResult> {
  const response = { identity_attributes: identityAttributes(), csrf_token: await call.csrfToken() };
  return { response: call.principal ? { ...response, user: userPayload(call.principal.user) } : response };
}

type SecondFactorPending = Pick<Extract<LoginOutcome, { status: "second-factor" }>, "state" | "method" | "methods">;

/** Flask-Security's payload for a sign-in that now needs its second factor (`tf_required: true`; tf-select's answer too). */
export function twoFactorPayload(outcome: SecondFactorPending): Record<string, unknown> {
  if (outcome.state === "setup") return { tf_state: "setup_from_login" };
  if (outcome.state === "select") return { tf_select: true, tf_setup_methods: outcome.methods.map(tfMethod) };
  const method = outcome.method ? tfMethod(outcome.method) : undefined;
  return {
    tf_state: "ready",
    tf_method: method,
    tf_primary_method: method,
    ...(outcome.method === "passkey" ? { tf_signin_url: "/api/security/wan-signin" } : {}),
  };
}

/** POST /api/security/login: the sign-in form's flow (lib/security/sign-in/login.ts), answered as JSON. */
export async function login(call: ApiCall): Promise<ApiResult> {
  if (call.principal) return fail("ANONYMOUS_USER_REQUIRED");
  return answerLogin(call, await loginWithForm(withRememberDefault(call.fields), call.ctx));
}

/**
 * SECURITY_DEFAULT_REMEMBER_ME: a JSON sign-in that does not say `remember` gets the configured
 * default, as Flask-Security's form does. (A page's form always says: its box starts at the default.)
 */
export function withRememberDefault(fields: Record<string, unknown>): Record<string, unknown> {
  return fields.remember === undefined ? { ...fields, remember: getConfig().forms.defaultRememberMe } : fields;
}

/**
 * A sign-in form's outcome as Flask-Security's login JSON (login, us-signin, wan-signin/<state>):
 * the user (and a token when asked), or the pending second factor's payload.
 */
export async function answerLogin(call: ApiCall, outcome: LoginOutcome): Promise<ApiResult> {
  if (!outcome.ok) return outcome;
  if (outcome.status === "already-signed-in") return fail("ANONYMOUS_USER_REQUIRED");
  if (outcome.status === "second-factor") return { response: { csrf_token: await call.csrfToken(), tf_required: true, ...twoFactorPayload(outcome) } };
  const proof = call.includeAuthToken ? { authnVia: outcome.via, authenticatedAt: new Date() } : null;
  return { response: { user: await userPayloadWithToken(outcome.user, proof), csrf_token: await call.csrfToken(outcome.session.token), tf_required: false } };
}

/** POST /api/security/logout: `{}`, signed in or not; a `refresh_token` (or its cookie) ends that family too. */
export async function logout(call: ApiCall): Promise<ApiResult> {
  const { principal } = call;
  const refresh = await presentedRefreshToken(call);
  if (refresh) await revokeRefreshToken(refresh);
  const cookie = getConfig().api.refresh.cookie;
  if (cookie && refresh) await clearRefreshTokenCookie(cookie);
  await signOut(call.ctx, principal?.via === "token" ? { authToken: { value: principal.tokenValue, userId: principal.user.id } } : {});
  return { response: {} };
}

/** GET /api/me: who is calling, and how. */
export async function me(call: ApiCall): Promise<ApiResult> {
  const { principal } = call;
  if (!principal) return fail("UNAUTHENTICATED");
  return {
    response: {
      user: { ...userPayload(principal.user), roles: principal.authorization.roles },
      csrf_token: await call.csrfToken(),
      authenticated_by: principal.via,
    },
  };
}
