"use server";
import { redirect } from "next/navigation";
import { formFields, stateFromFailure, stateFromInvalidInput, successState, type FormState } from "@/lib/view/form-state";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireUser } from "@/lib/security/sessions/guards";
import { ceremonyStart, type AssertionStart } from "@/lib/view/passkey-ceremony";
import { pageWords } from "@/lib/view/words";
import {
  beginPasskeyReauthentication,
  reauthenticateWithPasscode,
  sendReauthenticationCode,
  verifyPasskeyForm,
  verifyPasswordForm,
} from "@/lib/security/re-verify/reauthenticate";
import { safeRedirectPath } from "@/lib/security/core/redirects";
import { verifyCodeSchema, type CeremonyAnswer, type VerifyCodeInput, type VerifyInput } from "@/lib/security/core/schemas";

export async function verifyAction(input: VerifyInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const current = await requireUser();
  const result = await verifyPasswordForm(current, input, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(result.next ?? "/account?notice=REAUTHENTICATION_SUCCESSFUL");
}

/** Re-verify with a passkey, step 1: only this user's passkeys are offered. */
export async function startPasskeyVerifyAction(): Promise<AssertionStart> {
  const { user, session } = await requireUser();
  const started = await beginPasskeyReauthentication(user, session);
  return ceremonyStart(started);
}

export async function finishPasskeyVerifyAction(input: CeremonyAnswer & { next?: string }): Promise<FormState> {
  const ctx = await currentRequestContext();
  const result = await verifyPasskeyForm(await requireUser(), input, ctx);
  if (!result.ok) return stateFromFailure(result);
  const next = safeRedirectPath(typeof input.next === "string" ? input.next : null);
  redirect(next ?? "/account?notice=REAUTHENTICATION_SUCCESSFUL");
}

/** Re-verify by code: send one to an active email/SMS sign-in method. */
export async function sendVerifyCodeAction(method: "email" | "sms"): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const result = await sendReauthenticationCode(user, method, ctx);
  if (!result.ok) return stateFromFailure(result);
  return successState((await pageWords()).CODE_HAS_BEEN_SENT);
}

export async function verifyWithCodeAction(input: VerifyCodeInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user, session } = await requireUser();
  const parsed = verifyCodeSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await reauthenticateWithPasscode(user, session, parsed.data.code, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(safeRedirectPath(parsed.data.next) ?? "/account?notice=REAUTHENTICATION_SUCCESSFUL");
}

/** verifyAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function verifyPosted(_previous: FormState, formData: FormData): Promise<FormState> {
  return verifyAction(formFields(formData) as VerifyInput);
}

/** verifyWithCodeAction, posted by the browser itself (before hydration, or without JavaScript: components/forms/use-server-form.ts). */
export async function verifyWithCodePosted(_previous: FormState, formData: FormData): Promise<FormState> {
  return verifyWithCodeAction(formFields(formData) as VerifyCodeInput);
}
