"use server";
import { redirect } from "next/navigation";
import { stateFromInvalidInput, type FormState } from "@/lib/form-state";
import { ceremonyFailure, type AssertionStart } from "@/lib/passkey-ceremony";
import { currentRequestContext, finishSecondFactor, pendingLoginToken } from "@/lib/security/current-user";
import { beginPasskeySecondFactor, finishPasskeySecondFactor } from "@/lib/security/passkeys/sign-in";
import { ceremonyAnswerSchema, type CeremonyAnswer } from "@/lib/security/schemas";
import { PENDING_DENIED_URL, stateFromSecondFactorFailure } from "../guard";

export async function startPasskeySecondFactorAction(): Promise<AssertionStart> {
  const started = await beginPasskeySecondFactor(await pendingLoginToken());
  if (!started.ok && started.code === "TWO_FACTOR_PERMISSION_DENIED") redirect(PENDING_DENIED_URL);
  return started.ok ? { ok: true, options: started.options, state: started.state } : ceremonyFailure(started);
}

export async function finishPasskeySecondFactorAction(input: CeremonyAnswer): Promise<FormState> {
  const ctx = await currentRequestContext();
  const parsed = ceremonyAnswerSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await finishPasskeySecondFactor(await pendingLoginToken(), parsed.data, ctx);
  if (!result.ok) return stateFromSecondFactorFailure(result);
  redirect(await finishSecondFactor(result));
}
