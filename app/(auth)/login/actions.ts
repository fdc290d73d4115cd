"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/form-state";
import { currentRequestContext, getSession, issueSessionCookie } from "@/lib/security/current-user";
import { loginWithPassword } from "@/lib/security/login";
import { postLoginRedirect } from "@/lib/security/redirects";
import { loginSchema, type LoginInput } from "@/lib/security/schemas";
import { getConfig } from "@/lib/security/config";

export async function loginAction(input: LoginInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  if (await getSession()) redirect(getConfig().views.postLogin);
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const result = await loginWithPassword(parsed.data, ctx);
  if (!result.ok) return stateFromFailure(result);
  await issueSessionCookie(result.session);
  redirect(postLoginRedirect(parsed.data.next));
}
