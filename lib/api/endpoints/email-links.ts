import "server-only";
import { negotiateLocale } from "@/lib/i18n/locales";
import { getConfig } from "@/lib/security/config";
import { messageFor } from "@/lib/security/core/errors";
import { checkConfirmationToken, confirmEmail, resendConfirmationForm } from "@/lib/security/accounts/confirmation";
import { forgotPasswordForm } from "@/lib/security/passwords/forms";
import { confirmWithLink, resetWithLink } from "@/lib/security/sign-in/after-email-link";
import { checkResetToken } from "@/lib/security/passwords/reset";
import { registerWithForm } from "@/lib/security/registration/register-form";
import { fail } from "@/lib/security/core/errors";
import { configuredMessage } from "@/lib/view/message-params";
import type { ApiCall, ApiResult } from "../route";
import { spaUrl } from "../spa";
import { userPayload } from "../user-payload";
import { answerLogin, twoFactorPayload } from "./login";

/**
 * Registration and the emailed-link flows: register, confirm, reset. Each calls the flow its page
 * uses. The links' GETs redirect: to the single-page app's views with SECURITY_REDIRECT_BEHAVIOR=spa,
 * else to the pages that handle them.
 */

/** The token of /confirm/{token} and /reset/{token}, from the path. */
function pathToken(call: ApiCall): string {
  return decodeURIComponent(new URL(call.request.url).pathname.split("/").at(-1) ?? "");
}

/**
 * POST /api/security/register. Under generic responses an existing address answers like a new one:
 * csrf_token only. The account reads the language the client's Accept-Language names, when it is one
 * Gatehouse has (else none: SECURITY_DEFAULT_LOCALE).
 */
export async function register(call: ApiCall): Promise<ApiResult> {
  const outcome = await registerWithForm(call.fields, call.ctx, negotiateLocale(call.request.headers.get("accept-language")));
  if (!outcome.ok) return outcome;
  if (outcome.status === "already-signed-in") return fail("ANONYMOUS_USER_REQUIRED");
  if (outcome.status === "confirm-sent") return { response: { csrf_token: await call.csrfToken(), tf_required: false } };
  if (outcome.status === "second-factor") return { response: { csrf_token: await call.csrfToken(), tf_required: true, ...twoFactorPayload(outcome) } };
  return { response: { user: userPayload(outcome.user), csrf_token: await call.csrfToken(outcome.session.token), tf_required: false } };
}

/** POST /api/security/confirm: the link again (generic: whether or not the address is registered). */
export async function resendConfirmation(call: ApiCall): Promise<ApiResult> {
  const result = await resendConfirmationForm(call.fields, call.ctx);
  return result.ok ? { response: { csrf_token: await call.csrfToken() } } : result;
}

/**
 * GET /api/security/confirm/{token}. In SPA mode Flask-Security's behaviour by default: the GET
 * confirms and lands on POST_CONFIRM_VIEW. With SECURITY_CONFIRM_VIEW set, a good link lands there
 * with ?token= instead, and the address is only confirmed when that page POSTs it back: a mail
 * scanner that fetches links then confirms nothing (the pages' own choice, /confirm/[token]).
 */
export async function openConfirmLink(call: ApiCall): Promise<ApiResult> {
  const token = pathToken(call);
  const { spa } = getConfig().api;
  if (!spa.enabled) return { redirect: `${getConfig().appUrl}/confirm/${encodeURIComponent(token)}` };
  const checked = await checkConfirmationToken(token);
  if (!checked.ok) {
    const key = checked.code === "ALREADY_CONFIRMED" ? "info" : "error";
    return { redirect: spaUrl("confirmError", { [key]: configuredMessage(checked.code) }) };
  }
  if (spa.confirmView) return { redirect: spaUrl("confirm", { token }) };
  const confirmed = await confirmEmail(token, call.ctx);
  if (!confirmed.ok) return { redirect: spaUrl("confirmError", { error: configuredMessage(confirmed.code) }) };
  const { email } = confirmed.user;
  return { redirect: spaUrl("postConfirm", { info: messageFor("EMAIL_CONFIRMED"), email, identity: email }) };
}

/**
 * POST /api/security/confirm/{token}: confirms (what a SECURITY_CONFIRM_VIEW page posts). With
 * SECURITY_AUTO_LOGIN_AFTER_CONFIRM it answers as POST /login does: the user, or `tf_required`
 * and the second step (decision 055). The GET never signs in: a mail scanner fetches links.
 */
export async function confirmLink(call: ApiCall): Promise<ApiResult> {
  const confirmed = await confirmWithLink(pathToken(call), call.ctx);
  if (!confirmed.ok) return confirmed;
  if (confirmed.signIn) return answerLogin(call, confirmed.signIn);
  return { response: { csrf_token: await call.csrfToken(), email: confirmed.user.email } };
}

/** POST /api/security/reset. */
export async function forgotPassword(call: ApiCall): Promise<ApiResult> {
  const result = await forgotPasswordForm(call.fields, call.ctx);
  return result.ok ? { response: { csrf_token: await call.csrfToken() } } : result;
}

/** GET /api/security/reset/{token}: to RESET_VIEW?token= (spa) or the reset page; a bad link to RESET_ERROR_VIEW?error=. */
export async function openResetLink(call: ApiCall): Promise<ApiResult> {
  const token = pathToken(call);
  if (!getConfig().api.spa.enabled) return { redirect: `${getConfig().appUrl}/reset-password/${encodeURIComponent(token)}` };
  const state = await checkResetToken(token);
  if (state === "valid") return { redirect: spaUrl("reset", { token }) };
  return { redirect: spaUrl("resetError", { error: configuredMessage(state === "expired" ? "PASSWORD_RESET_EXPIRED" : "INVALID_RESET_PASSWORD_TOKEN") }) };
}

/**
 * POST /api/security/reset/{token}: `{}` (Flask-Security's answer; not signed in afterwards). With
 * SECURITY_AUTO_LOGIN_AFTER_RESET it answers as POST /login does (decision 055).
 */
export async function resetPassword(call: ApiCall): Promise<ApiResult> {
  const result = await resetWithLink(pathToken(call), call.fields, call.ctx);
  if (!result.ok) return result;
  return result.signIn ? answerLogin(call, result.signIn) : { response: {} };
}
