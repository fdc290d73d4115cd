"use server";
import { stateFromFailure, stateFromInvalidInput, successState, type FormState } from "@/lib/view/form-state";
import { resendConfirmation } from "@/lib/security/accounts/confirmation";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { MESSAGES } from "@/lib/security/core/errors";
import { emailOnlySchema, type EmailOnlyInput } from "@/lib/security/core/schemas";

export async function resendConfirmationAction(input: EmailOnlyInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await resendConfirmation(parsed.data.email, ctx);
  if (!result.ok) return stateFromFailure(result);
  return successState(MESSAGES.CONFIRMATION_REQUEST);
}
