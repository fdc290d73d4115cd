import "server-only";
import { fail } from "@/lib/security/core/errors";
import { findUserById } from "@/lib/security/accounts/users";
import { changePasswordForm } from "@/lib/security/passwords/forms";
import { verifyPasswordForm } from "@/lib/security/re-verify/reauthenticate";
import { hasWebauthnVerifyCredential, oauthVerifyProviders } from "../reauth";
import type { ApiCall, ApiResult } from "../route";
import { userPayload, userPayloadWithToken } from "../user-payload";

/**
 * /verify and /change: signed-in endpoints of the session (their rules in the route table list
 * only "session": both change what the session is — its freshness, its re-issued cookie). With
 * ?include_auth_token the answer also carries a new token, as fresh as the session now is.
 */

/** The caller's session, on a route whose rule lists only "session" (null otherwise). */
export function sessionOf(call: ApiCall) {
  return call.principal?.via === "session" ? call.principal : null;
}

/** GET /api/security/verify: the user, and whether a passkey can re-verify them. */
export async function describeVerify(call: ApiCall): Promise<ApiResult> {
  const current = sessionOf(call);
  if (!current) return fail("UNAUTHENTICATED");
  return {
    response: {
      user: userPayload(current.user),
      csrf_token: await call.csrfToken(),
      has_webauthn_verify_credential: await hasWebauthnVerifyCredential(current.user.id),
      ...(await oauthVerifyProviders(current.user.id)),
    },
  };
}

/** POST /api/security/verify: the /verify page's flow (re-verify/reauthenticate.ts). */
export async function verify(call: ApiCall): Promise<ApiResult> {
  const current = sessionOf(call);
  if (!current) return fail("UNAUTHENTICATED");
  const result = await verifyPasswordForm(current, call.fields, call.ctx);
  if (!result.ok) return result;
  const proof = call.includeAuthToken ? { authnVia: [...current.session.authnVia, "verify" as const], authenticatedAt: new Date() } : null;
  return { response: { user: await userPayloadWithToken(current.user, proof), csrf_token: await call.csrfToken() } };
}

/** GET /api/security/change. */
export async function describeChange(call: ApiCall): Promise<ApiResult> {
  const current = sessionOf(call);
  if (!current) return fail("UNAUTHENTICATED");
  return { response: { user: userPayload(current.user), csrf_token: await call.csrfToken(), active_password: current.user.passwordHash !== null } };
}

/**
 * POST /api/security/change: the password page's flow (passwords/forms.ts). The uniquifier
 * rotates, so every token dies; the session is re-issued, and so is its CSRF token.
 */
export async function change(call: ApiCall): Promise<ApiResult> {
  const current = sessionOf(call);
  if (!current) return fail("UNAUTHENTICATED");
  const result = await changePasswordForm(current, call.fields, call.ctx);
  if (!result.ok) return result;
  const { user, session } = current;
  // The user row read before the change holds the old uniquifier: a token binds to the new one.
  const changed = call.includeAuthToken ? await findUserById(user.id) : user;
  if (!changed) return fail("UNAUTHENTICATED");
  const proof = call.includeAuthToken ? { authnVia: session.authnVia, authenticatedAt: session.authenticatedAt } : null;
  return { response: { user: await userPayloadWithToken(changed, proof), csrf_token: await call.csrfToken(result.session.token) } };
}
