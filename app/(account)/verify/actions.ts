"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/form-state";
import { currentRequestContext, requireUser } from "@/lib/security/current-user";
import { ceremonyFailure, type AssertionStart } from "@/lib/passkey-ceremony";
import { beginPasskeyReauthentication, reauthenticateWithPasskey, reauthenticateWithPassword } from "@/lib/security/reauthenticate";
import { safeRedirectPath } from "@/lib/security/redirects";
import { ceremonyAnswerSchema, verifySchema, type CeremonyAnswer, type VerifyInput } from "@/lib/security/schemas";

export async function verifyAction(input: VerifyInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user, session } = await requireUser();
  const parsed = verifySchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const result = await reauthenticateWithPassword(user, session, parsed.data.password, ctx);
  if (!result.ok) return stateFromFailure(result);
  const next = safeRedirectPath(parsed.data.next);
  redirect(next ?? "/account?notice=REAUTHENTICATION_SUCCESSFUL");
}

/** Re-verify with a passkey, step 1: only this user's passkeys are offered. */
export async function startPasskeyVerifyAction(): Promise<AssertionStart> {
  const { user, session } = await requireUser();
  const started = await beginPasskeyReauthentication(user, session);
  return started.ok ? { ok: true, options: started.options, state: started.state } : ceremonyFailure(started);
}

export async function finishPasskeyVerifyAction(input: CeremonyAnswer & { next?: string }): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user, session } = await requireUser();
  const parsed = ceremonyAnswerSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await reauthenticateWithPasskey(user, session, parsed.data, ctx);
  if (!result.ok) return stateFromFailure(result);
  const next = safeRedirectPath(typeof input.next === "string" ? input.next : null);
  redirect(next ?? "/account?notice=REAUTHENTICATION_SUCCESSFUL");
}
