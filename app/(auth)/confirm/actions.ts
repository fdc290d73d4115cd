"use server";
import { formFields, keepingFields, stateFromFailure, successState, type FormState } from "@/lib/view/form-state";
import { resendConfirmationForm } from "@/lib/security/accounts/confirmation";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { pageWords } from "@/lib/view/words";
import type { EmailOnlyInput } from "@/lib/security/core/schemas";

export async function resendConfirmationAction(input: EmailOnlyInput): Promise<FormState> {
  const result = await resendConfirmationForm(input, await currentRequestContext());
  if (!result.ok) return stateFromFailure(result);
  return successState((await pageWords()).CONFIRMATION_REQUEST);
}

/** resendConfirmationAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function resendConfirmationPosted(_previous: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  return keepingFields(await resendConfirmationAction(fields as EmailOnlyInput), fields, ["email"]);
}
