"use server";
import { formFields, keepingFields, stateFromFailure, successState, type FormState } from "@/lib/view/form-state";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { pageWords } from "@/lib/view/words";
import { forgotPasswordForm } from "@/lib/security/passwords/forms";
import type { EmailOnlyInput } from "@/lib/security/core/schemas";

export async function forgotPasswordAction(input: EmailOnlyInput): Promise<FormState> {
  const result = await forgotPasswordForm(input, await currentRequestContext());
  if (!result.ok) return stateFromFailure(result);
  return successState((await pageWords()).PASSWORD_RESET_REQUEST);
}

/** forgotPasswordAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function forgotPasswordPosted(_previous: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  return keepingFields(await forgotPasswordAction(fields as EmailOnlyInput), fields, ["email"]);
}
