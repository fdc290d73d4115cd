"use server";
import { redirect } from "next/navigation";
import { stateFromInvalidInput, type FormState } from "@/lib/view/form-state";
import { ceremonyStart, type AssertionStart } from "@/lib/view/passkey-ceremony";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { pendingLoginToken } from "@/lib/security/sessions/cookies";
import { finishSecondFactor } from "@/lib/security/sign-in/continue";
import { beginPasskeySecondFactor, finishPasskeySecondFactor } from "@/lib/security/sign-in/passkey";
import { ceremonyAnswerSchema, type CeremonyAnswer } from "@/lib/security/core/schemas";
import { PENDING_DENIED_URL, stateFromSecondFactorFailure } from "../guard";

export async function startPasskeySecondFactorAction(): Promise<AssertionStart> {
  const started = await beginPasskeySecondFactor(await pendingLoginToken());
  if (!started.ok && started.code === "TWO_FACTOR_PERMISSION_DENIED") redirect(PENDING_DENIED_URL);
  return ceremonyStart(started);
}

export async function finishPasskeySecondFactorAction(input: CeremonyAnswer): Promise<FormState> {
  const ctx = await currentRequestContext();
  const parsed = ceremonyAnswerSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await finishPasskeySecondFactor(await pendingLoginToken(), parsed.data, ctx);
  if (!result.ok) return stateFromSecondFactorFailure(result);
  redirect(await finishSecondFactor(result));
}
