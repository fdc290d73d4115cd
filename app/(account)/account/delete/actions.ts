"use server";
import { redirect } from "next/navigation";
import { deleteAccountSchema, type DeleteAccountInput } from "@/lib/security/core/schemas";
import { deleteOwnAccount } from "@/lib/security/lifecycle/delete-account";
import { currentRequestContext, endCurrentSession } from "@/lib/security/sessions/current";
import { requireUser } from "@/lib/security/sessions/guards";
import { formFields, stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/view/form-state";

export async function deleteAccountAction(input: DeleteAccountInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const parsed = deleteAccountSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await deleteOwnAccount(user, parsed.data.confirmation, ctx);
  if (!result.ok) return stateFromFailure(result);
  // The session row went with the user; this clears the cookie.
  await endCurrentSession();
  redirect("/login?notice=ACCOUNT_DELETED");
}

/** deleteAccountAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function deleteAccountPosted(_previous: FormState, formData: FormData): Promise<FormState> {
  return deleteAccountAction(formFields(formData) as DeleteAccountInput);
}
