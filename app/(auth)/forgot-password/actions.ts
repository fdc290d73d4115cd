"use server";
import { stateFromFailure, stateFromInvalidInput, successState, type FormState } from "@/lib/form-state";
import { currentRequestContext } from "@/lib/security/current-user";
import { MESSAGES } from "@/lib/security/errors";
import { requestPasswordReset } from "@/lib/security/password-reset";
import { emailOnlySchema, type EmailOnlyInput } from "@/lib/security/schemas";

export async function forgotPasswordAction(input: EmailOnlyInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const parsed = emailOnlySchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await requestPasswordReset(parsed.data.email, ctx);
  if (!result.ok) return stateFromFailure(result);
  return successState(MESSAGES.PASSWORD_RESET_REQUEST);
}
