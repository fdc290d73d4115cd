"use server";
import { redirect } from "next/navigation";
import { formFields, stateFromInvalidInput, type FormState } from "@/lib/view/form-state";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { pendingLoginToken } from "@/lib/security/sessions/cookies";
import { finishSecondFactor } from "@/lib/security/sign-in/continue";
import { recoveryCodeSchema, type RecoveryCodeInput } from "@/lib/security/core/schemas";
import { signInWithRecoveryCode } from "@/lib/security/sign-in/second-factor-steps";
import { stateFromSecondFactorFailure } from "../guard";

export async function recoveryCodeAction(input: RecoveryCodeInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const parsed = recoveryCodeSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await signInWithRecoveryCode(await pendingLoginToken(), parsed.data.code, ctx);
  if (!result.ok) return stateFromSecondFactorFailure(result);
  redirect(await finishSecondFactor(result));
}

/** recoveryCodeAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function recoveryCodePosted(_previous: FormState, formData: FormData): Promise<FormState> {
  return recoveryCodeAction(formFields(formData) as RecoveryCodeInput);
}
