"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/form-state";
import { getConfig } from "@/lib/security/config";
import { continueAfterFirstFactor, currentRequestContext, getSession } from "@/lib/security/current-user";
import { postLoginRedirect } from "@/lib/security/redirects";
import { registerUser } from "@/lib/security/register";
import { registerSchema, type RegisterInput } from "@/lib/security/schemas";

export async function registerAction(input: RegisterInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  if (await getSession()) redirect(getConfig().views.postLogin);
  const parsed = registerSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const result = await registerUser(parsed.data, ctx);
  if (!result.ok) return stateFromFailure(result);
  if (result.status === "authenticated") redirect(await continueAfterFirstFactor(result.outcome, postLoginRedirect(parsed.data.next)));
  redirect(`/register/check-email?email=${encodeURIComponent(result.email)}`);
}
