"use server";
import { redirect } from "next/navigation";
import { changeUsernameSchema, type ChangeUsernameInput } from "@/lib/security/core/schemas";
import { changeUsername } from "@/lib/security/lifecycle/username";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireUser } from "@/lib/security/sessions/guards";
import { formFields, keepingFields, stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/view/form-state";

export async function changeUsernameAction(input: ChangeUsernameInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const parsed = changeUsernameSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await changeUsername(user, parsed.data.username, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(`/account?notice=${result.username ? "USERNAME_CHANGE" : "USERNAME_REMOVED"}`);
}

/** changeUsernameAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function changeUsernamePosted(_previous: FormState, formData: FormData): Promise<FormState> {
  const fields = formFields(formData);
  return keepingFields(await changeUsernameAction(fields as ChangeUsernameInput), fields, ["username"]);
}
