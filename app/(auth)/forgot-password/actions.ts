"use server";
import { stateFromFailure, stateFromInvalidInput, successState, type FormState } from "@/lib/view/form-state";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { MESSAGES } from "@/lib/security/core/errors";
import { requestPasswordReset } from "@/lib/security/passwords/reset";
import { emailOnlySchema, type EmailOnlyInput } from "@/lib/security/core/schemas";

export async function forgotPasswordAction(input: EmailOnlyInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await requestPasswordReset(parsed.data.email, ctx);
  if (!result.ok) return stateFromFailure(result);
  return successState(MESSAGES.PASSWORD_RESET_REQUEST);
}
