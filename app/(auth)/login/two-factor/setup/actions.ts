"use server";
import { redirect } from "next/navigation";
import { authenticatorEnrollment, shownSetupIn } from "@/lib/view/two-factor-enrollment";
import { formFields, keepingFields, stateFromInvalidInput, type FormState } from "@/lib/view/form-state";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { pendingLoginToken } from "@/lib/security/sessions/cookies";
import { finishSecondFactor } from "@/lib/security/sign-in/continue";
import { maskPhone, normalizePhone } from "@/lib/security/accounts/phone";
import { twoFactorCodeSchema, twoFactorSetupSchema, type TwoFactorCodeInput, type TwoFactorSetupInput } from "@/lib/security/core/schemas";
import { confirmSetupFromLogin, startSetupFromLogin } from "@/lib/security/sign-in/second-factor-setup";
import { stateFromSecondFactorFailure } from "../guard";
import type { SetupStartState } from "./setup-types";

/** Step 1: propose a method. Returns what step 2 shows (QR and key, or where the code went). */
export async function startSetupAction(input: TwoFactorSetupInput): Promise<SetupStartState> {
  const ctx = await currentRequestContext();
  const parsed = twoFactorSetupSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await startSetupFromLogin(await pendingLoginToken(), parsed.data, ctx);
  if (!result.ok) return stateFromSecondFactorFailure(result);
  const phone = result.method === "sms" ? normalizePhone(parsed.data.phone ?? "") : null;
  return {
    tone: "success",
    setup: {
      method: result.method,
      enrollment: await authenticatorEnrollment(result.uri, result.secret),
      sentTo: phone ? maskPhone(phone) : null,
    },
  };
}

/** Step 2: the first code saves the method and completes the sign-in. */
export async function confirmSetupAction(input: TwoFactorCodeInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const parsed = twoFactorCodeSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await confirmSetupFromLogin(await pendingLoginToken(), parsed.data.code, ctx);
  if (!result.ok) return stateFromSecondFactorFailure(result);
  redirect(await finishSecondFactor(result));
}

/**
 * Both steps as the browser posts them itself, before hydration or without JavaScript
 * (components/forms/use-server-form.ts): step 2's form is the one with a code. A wrong code comes
 * back with the step the page showed, so the QR code and the code field stay.
 */
export async function setupPosted(previous: unknown, formData: FormData): Promise<SetupStartState> {
  const fields = formFields(formData);
  if (!("code" in fields)) return keepingFields(await startSetupAction(fields as TwoFactorSetupInput), fields, ["method", "phone"]);
  const failed = await confirmSetupAction(fields as TwoFactorCodeInput);
  // `previous` is the browser's copy of the step it showed: checked before it is drawn again.
  const shown = shownSetupIn(previous, false);
  return shown && failed ? { ...failed, setup: shown } : failed;
}
