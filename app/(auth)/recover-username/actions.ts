"use server";
import { redirect } from "next/navigation";
import { emailOnlySchema, type EmailOnlyInput } from "@/lib/security/core/schemas";
import { recoverUsername } from "@/lib/security/lifecycle/username";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireAnonymous } from "@/lib/security/sessions/guards";
import { formFields, keepingFields, stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/view/form-state";

/** As in Flask-Security, a sent username lands on /login with USERNAME_RECOVERY_REQUEST. */
export async function recoverUsernameAction(input: EmailOnlyInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  await requireAnonymous();
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await recoverUsername(parsed.data.email, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect("/login?notice=USERNAME_RECOVERY_REQUEST");
}

/** recoverUsernameAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function recoverUsernamePosted(_previous: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  return keepingFields(await recoverUsernameAction(fields as EmailOnlyInput), fields, ["email"]);
}
