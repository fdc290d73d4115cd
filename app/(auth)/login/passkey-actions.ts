"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/view/form-state";
import { ceremonyStart, type AssertionStart } from "@/lib/view/passkey-ceremony";
import { getConfig } from "@/lib/security/config";
import { currentRequestContext, getSession } from "@/lib/security/sessions/current";
import { beginPasskeySignIn } from "@/lib/security/sign-in/passkey";
import { passkeyLoginWithForm } from "@/lib/security/sign-in/login";
import { passkeySignInSchema, type PasskeySignInInput } from "@/lib/security/core/schemas";

/**
 * Options for "Sign in with a passkey" (with the identity typed so far, if any: it narrows the
 * browser's choice to that account's passkeys) and for passkey autofill (no identity).
 */
export async function startPasskeySignInAction(identity?: unknown): Promise<AssertionStart> {
  const ctx = await currentRequestContext();
  if (await getSession()) redirect(getConfig().views.postLogin);
  const started = await beginPasskeySignIn(ctx, typeof identity === "string" ? identity : undefined);
  return ceremonyStart(started);
}

export async function finishPasskeySignInAction(input: PasskeySignInInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const parsed = passkeySignInSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  // The flow is shared with POST /api/security/wan-signin/<state> (lib/security/sign-in/login.ts).
  const outcome = await passkeyLoginWithForm(input as Record<string, unknown>, ctx);
  if (!outcome.ok) return stateFromFailure(outcome);
  redirect(outcome.status === "already-signed-in" ? getConfig().views.postLogin : outcome.redirectTo);
}
