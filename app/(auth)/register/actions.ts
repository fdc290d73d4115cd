"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/view/form-state";
import { getConfig } from "@/lib/security/config";
import { currentRequestContext, getSession } from "@/lib/security/sessions/current";
import { continueAfterFirstFactor } from "@/lib/security/sign-in/continue";
import { postLoginRedirect } from "@/lib/security/core/redirects";
import { registerUser } from "@/lib/security/registration/register";
import { registerPasswordlessSchema, registerSchema, type RegisterPasswordlessInput } from "@/lib/security/core/schemas";

/** Input of either form (the password is optional only when SECURITY_PASSWORD_REQUIRED=false). */
export async function registerAction(input: RegisterPasswordlessInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  if (await getSession()) redirect(getConfig().views.postLogin);
  const parsed = (getConfig().passwordRequired ? registerSchema : registerPasswordlessSchema).safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const result = await registerUser(parsed.data, ctx);
  if (!result.ok) return stateFromFailure(result);
  if (result.status === "authenticated") redirect(await continueAfterFirstFactor(result.outcome, postLoginRedirect(parsed.data.next)));
  redirect(`/register/check-email?email=${encodeURIComponent(result.email)}`);
}
