"use server";
import { stateFromFailure, stateFromInvalidInput, successState, type FormState } from "@/lib/form-state";
import { resendConfirmation } from "@/lib/security/confirm";
import { currentRequestContext } from "@/lib/security/current-user";
import { MESSAGES } from "@/lib/security/errors";
import { emailOnlySchema, type EmailOnlyInput } from "@/lib/security/schemas";

export async function resendConfirmationAction(input: EmailOnlyInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await resendConfirmation(parsed.data.email, ctx);
  if (!result.ok) return stateFromFailure(result);
  return successState(MESSAGES.CONFIRMATION_REQUEST);
}
