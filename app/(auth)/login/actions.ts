"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/form-state";
import { continueAfterFirstFactor, currentRequestContext, getSession, rememberedDeviceCookie } from "@/lib/security/current-user";
import { loginWithPassword } from "@/lib/security/login";
import { postLoginRedirect } from "@/lib/security/redirects";
import { loginSchema, type LoginInput } from "@/lib/security/schemas";
import { getConfig } from "@/lib/security/config";

export async function loginAction(input: LoginInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  if (await getSession()) redirect(getConfig().views.postLogin);
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const next = postLoginRedirect(parsed.data.next);
  const result = await loginWithPassword({ ...parsed.data, next, deviceCookie: await rememberedDeviceCookie() }, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(await continueAfterFirstFactor(result.outcome, next));
}
