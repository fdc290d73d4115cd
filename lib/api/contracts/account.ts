import * as z from "zod";
import { CsrfOnly, text, WithUser, type Contract } from "./shared";
import { LoginResponse } from "./login";

/**
 * The password and account endpoints: verify, register, confirm, reset, change. Field names are
 * Flask-Security's; `names` maps them to the flows' (lib/api/field-names.ts).
 */

const EmailLink = z.object({ email: text(254) }).meta({ id: "EmailLink", description: "The address to send the link to (confirm, reset)." });

export const verifyGet: Contract = {
  method: "GET",
  path: "/verify",
  summary: "What re-verification offers the signed-in user",
  response: WithUser.extend({ has_webauthn_verify_credential: z.boolean(), oauth_enabled: z.boolean(), oauth_providers: z.array(z.string()) }),
  failures: [401],
};

export const verifyPost: Contract = {
  method: "POST",
  path: "/verify",
  summary: "Re-verify with the password: the session is fresh again",
  request: z.object({ password: text(), next: z.optional(text(2048)) }).meta({ id: "Verify" }),
  response: WithUser,
  failures: [401, 429],
  includeAuthToken: true,
};

export const registerPost: Contract = {
  method: "POST",
  path: "/register",
  summary: "Register: a confirmation email (csrf_token only), or signed in (user, tf_required), or a second factor pending",
  request: z
    .object({
      email: text(254),
      password: z.optional(text()),
      password_confirm: z.optional(text()),
      username: z.optional(text()),
      next: z.optional(text(2048)),
    })
    .meta({ id: "Register" }),
  response: LoginResponse,
  names: { password_confirm: "passwordConfirm" },
  failures: [429],
};

export const confirmPost: Contract = {
  method: "POST",
  path: "/confirm",
  summary: "Send the confirmation link again",
  request: EmailLink,
  response: CsrfOnly,
  failures: [429],
};

export const confirmTokenGet: Contract = {
  method: "GET",
  path: "/confirm/{token}",
  summary: "The emailed confirmation link: redirects to the app's views (SECURITY_REDIRECT_BEHAVIOR=spa) or the confirm page",
  response: z.object({}),
  redirect: true,
  failures: [],
};

export const confirmTokenPost: Contract = {
  method: "POST",
  path: "/confirm/{token}",
  summary:
    "Confirm the address of an emailed link (what SECURITY_CONFIRM_VIEW's page posts); with SECURITY_AUTO_LOGIN_AFTER_CONFIRM, signed in as by POST /login",
  request: z.object({}),
  response: z.union([CsrfOnly.extend({ email: z.string() }), LoginResponse]),
  failures: [429],
  includeAuthToken: true,
};

export const resetPost: Contract = {
  method: "POST",
  path: "/reset",
  summary: "Send a password reset link",
  request: EmailLink,
  response: CsrfOnly,
  failures: [429],
};

export const resetTokenGet: Contract = {
  method: "GET",
  path: "/reset/{token}",
  summary: "The emailed reset link: redirects to RESET_VIEW?token= or RESET_ERROR_VIEW?error= (spa), or the reset page",
  response: z.object({}),
  redirect: true,
  failures: [],
};

export const resetTokenPost: Contract = {
  method: "POST",
  path: "/reset/{token}",
  summary: "Set the new password of a reset link (not signed in afterwards: `{}`; with SECURITY_AUTO_LOGIN_AFTER_RESET, signed in as by POST /login)",
  request: z.object({ password: text(), password_confirm: text() }).meta({ id: "ResetPassword" }),
  response: z.union([z.object({}), LoginResponse]),
  includeAuthToken: true,
  names: { password_confirm: "passwordConfirm" },
  failures: [429],
};

export const changeGet: Contract = {
  method: "GET",
  path: "/change",
  summary: "Whether the user has a password to change",
  response: WithUser.extend({ active_password: z.boolean() }),
  failures: [401],
};

export const changePost: Contract = {
  method: "POST",
  path: "/change",
  summary: "Change the password: every other session and token ends; this one continues (with a new token when asked)",
  request: z.object({ password: text(), new_password: text(), new_password_confirm: text() }).meta({ id: "ChangePassword" }),
  response: WithUser,
  names: { new_password: "newPassword", new_password_confirm: "newPasswordConfirm" },
  failures: [401, 429],
  includeAuthToken: true,
};
