"use server";
import { redirect } from "next/navigation";
import { cancelPendingLogin } from "@/lib/security/sessions/pending";
import { formFields, stateFromInvalidInput, successState, type FormState } from "@/lib/view/form-state";
import { currentRequestContext, getSession } from "@/lib/security/sessions/current";
import { signOut } from "@/lib/security/sessions/sign-out";
import { clearPendingLoginCookie, pendingLoginToken } from "@/lib/security/sessions/cookies";
import { finishSecondFactor } from "@/lib/security/sign-in/continue";
import { pageWords } from "@/lib/view/words";
import { twoFactorCodeSchema, type TwoFactorCodeInput } from "@/lib/security/core/schemas";
import { resendSecondFactorCode, verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { PENDING_DENIED_URL, stateFromSecondFactorFailure } from "./guard";

export async function verifyCodeAction(input: TwoFactorCodeInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  // Signed in, nothing is pending here: Flask-Security signs the caller out and denies the step.
  if (await getSession()) {
    await signOut(ctx);
    redirect(PENDING_DENIED_URL);
  }
  const parsed = twoFactorCodeSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await verifySecondFactor(await pendingLoginToken(), parsed.data.code, ctx);
  if (!result.ok) return stateFromSecondFactorFailure(result);
  redirect(await finishSecondFactor(result));
}

/** "Send a new code" for the email and SMS methods (rate-limited by the core). */
export async function resendCodeAction(): Promise<FormState> {
  const ctx = await currentRequestContext();
  const result = await resendSecondFactorCode(await pendingLoginToken(), ctx);
  if (!result.ok) return stateFromSecondFactorFailure(result);
  return successState((await pageWords()).CODE_HAS_BEEN_SENT);
}

/** Abandons the half-finished sign-in. A POST (server action), so a link or an <img> cannot trigger it. */
export async function cancelSignInAction(): Promise<void> {
  await cancelPendingLogin(await pendingLoginToken());
  await clearPendingLoginCookie();
  redirect("/login");
}

/** verifyCodeAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function verifyCodePosted(_previous: FormState, formData: FormData): Promise<FormState> {
  return verifyCodeAction(formFields(formData) as TwoFactorCodeInput);
}
