"use server";
import { redirect } from "next/navigation";
import { formFields, stateFromFailure, type FormState } from "@/lib/view/form-state";
import { getConfig } from "@/lib/security/config";
import { viewWith } from "@/lib/security/core/redirects";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { resetWithLink } from "@/lib/security/sign-in/after-email-link";
import type { ResetPasswordInput } from "@/lib/security/core/schemas";

/** The new password. With SECURITY_AUTO_LOGIN_AFTER_RESET it signs in through the gate: the second step, or POST_LOGIN_VIEW. */
export async function resetPasswordAction(input: ResetPasswordInput): Promise<FormState> {
  const token = typeof input === "object" && input && typeof input.token === "string" ? input.token : "";
  const result = await resetWithLink(token, input, await currentRequestContext());
  if (!result.ok) {
    if (result.code === "INVALID_RESET_PASSWORD_TOKEN" || result.code === "PASSWORD_RESET_EXPIRED") {
      redirect(`/forgot-password?notice=${result.code}`);
    }
    return stateFromFailure(result);
  }
  const { signIn } = result;
  if (signIn?.ok && signIn.status !== "already-signed-in") redirect(signIn.redirectTo);
  // The password is set; a sign-in the gate refused (disabled, locked) says why on /login.
  if (signIn && !signIn.ok) redirect(`/login?notice=${signIn.code}`);
  redirect(viewWith(getConfig().views.postReset, { notice: "PASSWORD_RESET_NO_LOGIN" }));
}

/** resetPasswordAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function resetPasswordPosted(_previous: FormState, formData: FormData): Promise<FormState> {
  return resetPasswordAction(formFields(formData) as ResetPasswordInput);
}
