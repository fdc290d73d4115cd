"use server";
import { pageLocale } from "@/lib/view/page-locale";
import { redirect } from "next/navigation";
import { formFields, keepingFields, stateFromFailure, type FormState } from "@/lib/view/form-state";
import { getConfig } from "@/lib/security/config";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { registerWithForm } from "@/lib/security/registration/register-form";
import type { RegisterPasswordlessInput } from "@/lib/security/core/schemas";
import { viewWith } from "@/lib/security/core/redirects";

/** Input of either form (the password is optional only when SECURITY_PASSWORD_REQUIRED=false). */
export async function registerAction(input: RegisterPasswordlessInput): Promise<FormState> {
  // The new account reads the language this page was shown in (its emails are written in it).
  const outcome = await registerWithForm(input, await currentRequestContext(), await pageLocale());
  if (!outcome.ok) return stateFromFailure(outcome);
  if (outcome.status === "already-signed-in") redirect(getConfig().views.postLogin);
  const view = getConfig().views.postRegister;
  // SECURITY_POST_REGISTER_VIEW: where a new account waiting for its confirmation goes (unset: the "check your email" page).
  if (outcome.status === "confirm-sent")
    redirect(view ? viewWith(view, { notice: "CONFIRM_REGISTRATION" }) : `/register/check-email?email=${encodeURIComponent(outcome.email)}`);
  redirect(outcome.redirectTo);
}

/** registerAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function registerPosted(_previous: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  return keepingFields(await registerAction(fields as RegisterPasswordlessInput), fields, ["email", "username"]);
}
