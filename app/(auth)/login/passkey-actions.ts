"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/view/form-state";
import { ceremonyStart, type AssertionStart } from "@/lib/view/passkey-ceremony";
import { getConfig } from "@/lib/security/config";
import { currentRequestContext, getSession } from "@/lib/security/sessions/current";
import { rememberedDeviceCookie } from "@/lib/security/sessions/cookies";
import { continueAfterFirstFactor } from "@/lib/security/sign-in/continue";
import { beginPasskeySignIn, finishPasskeySignIn } from "@/lib/security/sign-in/passkey";
import { postLoginRedirect } from "@/lib/security/core/redirects";
import { passkeySignInSchema, type PasskeySignInInput } from "@/lib/security/core/schemas";

/** Options for "Sign in with a passkey" and for passkey autofill in the username field. */
export async function startPasskeySignInAction(): Promise<AssertionStart> {
  const ctx = await currentRequestContext();
  if (await getSession()) redirect(getConfig().views.postLogin);
  const started = await beginPasskeySignIn(ctx);
  return ceremonyStart(started);
}

export async function finishPasskeySignInAction(input: PasskeySignInInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  if (await getSession()) redirect(getConfig().views.postLogin);
  const parsed = passkeySignInSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const next = postLoginRedirect(parsed.data.next);
  const result = await finishPasskeySignIn(
    { state: parsed.data.state, credential: parsed.data.credential, remember: parsed.data.remember, next, deviceCookie: await rememberedDeviceCookie() },
    ctx,
  );
  if (!result.ok) return stateFromFailure(result);
  redirect(await continueAfterFirstFactor(result.outcome, next));
}
