"use server";
import { stateFromFailure, successState, type FormState } from "@/lib/view/form-state";
import { resendConfirmationForm } from "@/lib/security/accounts/confirmation";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { pageWords } from "@/lib/view/words";
import type { EmailOnlyInput } from "@/lib/security/core/schemas";

export async function resendConfirmationAction(input: EmailOnlyInput): Promise<FormState> {
  const result = await resendConfirmationForm(input, await currentRequestContext());
  if (!result.ok) return stateFromFailure(result);
  return successState((await pageWords()).CONFIRMATION_REQUEST);
}
