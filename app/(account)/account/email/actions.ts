"use server";
import { textFor } from "@/lib/view/text";
import { pageLocale } from "@/lib/view/page-locale";
import { emailOnlySchema, type EmailOnlyInput } from "@/lib/security/core/schemas";
import { requestEmailChange } from "@/lib/security/lifecycle/change-email";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireUser } from "@/lib/security/sessions/guards";
import { formFields, keepingFields, stateFromFailure, stateFromInvalidInput, successState, type FormState } from "@/lib/view/form-state";

export async function changeEmailAction(input: EmailOnlyInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await requestEmailChange(user, parsed.data.email, ctx);
  if (!result.ok) return stateFromFailure(result);
  return successState(textFor("CHANGE_EMAIL_SENT", { email: result.email }, await pageLocale()));
}

/** changeEmailAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function changeEmailPosted(_previous: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  return keepingFields(await changeEmailAction(fields as EmailOnlyInput), fields, ["email"]);
}
