"use server";
import { redirect } from "next/navigation";
import { formFields, stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/view/form-state";
import { getConfig } from "@/lib/security/config";
import { viewWith } from "@/lib/security/core/redirects";
import { currentRequestContext, issueSessionCookie } from "@/lib/security/sessions/current";
import { requireUser } from "@/lib/security/sessions/guards";
import { setPassword } from "@/lib/security/passwords/change";
import { changePasswordForm } from "@/lib/security/passwords/forms";
import { setPasswordSchema, type ChangePasswordInput, type SetPasswordInput } from "@/lib/security/core/schemas";

export async function changePasswordAction(input: ChangePasswordInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const current = await requireUser();
  const result = await changePasswordForm(current, input, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(viewWith(getConfig().views.postChange, { notice: "PASSWORD_CHANGE" }));
}

/** A first password for a password-less account; a fresh session stands in for the current password. */
export async function setPasswordAction(input: SetPasswordInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user, session } = await requireUser();
  const parsed = setPasswordSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const result = await setPassword(user, session, parsed.data.newPassword, ctx);
  if (!result.ok) return stateFromFailure(result);
  // The uniquifier rotated: without the re-issued cookie this browser would be signed out too.
  await issueSessionCookie(result.session);
  redirect(viewWith(getConfig().views.postChange, { notice: "PASSWORD_SET" }));
}

/** changePasswordAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function changePasswordPosted(_previous: FormState, formData: FormData): Promise<FormState> {
  return changePasswordAction(formFields(formData) as ChangePasswordInput);
}

/** setPasswordAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function setPasswordPosted(_previous: FormState, formData: FormData): Promise<FormState> {
  return setPasswordAction(formFields(formData) as SetPasswordInput);
}
