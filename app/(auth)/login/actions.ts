"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, successState, type FormState } from "@/lib/form-state";
import { continueAfterFirstFactor, currentRequestContext, getSession, magicLinkBrowserNonce, rememberedDeviceCookie } from "@/lib/security/current-user";
import { loginWithPassword } from "@/lib/security/login";
import { postLoginRedirect } from "@/lib/security/redirects";
import { MESSAGES } from "@/lib/security/errors";
import { loginSchema, sendCodeSchema, type LoginInput, type SendCodeInput } from "@/lib/security/schemas";
import { sendSignInCode, signInWithPasscode } from "@/lib/security/unified/sign-in";
import { getConfig } from "@/lib/security/config";

export async function loginAction(input: LoginInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  if (await getSession()) redirect(getConfig().views.postLogin);
  const parsed = loginSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const next = postLoginRedirect(parsed.data.next);
  const deviceCookie = await rememberedDeviceCookie();
  // Unified sign-in: the same box takes the password or a one-time code.
  const result = getConfig().unified.enabled
    ? await signInWithPasscode({ identity: parsed.data.identity, passcode: parsed.data.password, remember: parsed.data.remember, next, deviceCookie }, ctx)
    : await loginWithPassword({ ...parsed.data, next, deviceCookie }, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(await continueAfterFirstFactor(result.outcome, next));
}

/** "Email me a code" / "Text me a code": the same answer whether or not the identity exists. */
export async function sendSignInCodeAction(input: SendCodeInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  if (await getSession()) redirect(getConfig().views.postLogin);
  const parsed = sendCodeSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await sendSignInCode({ ...parsed.data, browserNonce: await magicLinkBrowserNonce() }, ctx);
  if (!result.ok) return stateFromFailure(result);
  return successState(MESSAGES.GENERIC_US_SIGNIN);
}
