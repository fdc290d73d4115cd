"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, type FormState } from "@/lib/view/form-state";
import { getConfig } from "@/lib/security/config";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { registerWithForm } from "@/lib/security/registration/register-form";
import type { RegisterPasswordlessInput } from "@/lib/security/core/schemas";

/** Input of either form (the password is optional only when SECURITY_PASSWORD_REQUIRED=false). */
export async function registerAction(input: RegisterPasswordlessInput): Promise<FormState> {
  const outcome = await registerWithForm(input, await currentRequestContext());
  if (!outcome.ok) return stateFromFailure(outcome);
  if (outcome.status === "already-signed-in") redirect(getConfig().views.postLogin);
  if (outcome.status === "confirm-sent") redirect(`/register/check-email?email=${encodeURIComponent(outcome.email)}`);
  redirect(outcome.redirectTo);
}
