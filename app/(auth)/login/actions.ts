"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, successState, type FormState } from "@/lib/view/form-state";
import { currentRequestContext, getSession } from "@/lib/security/sessions/current";
import { pageWords } from "@/lib/view/words";
import { sendCodeSchema, type SendCodeInput } from "@/lib/security/core/schemas";
import { requestSignInCode } from "@/lib/security/sign-in/passcode";
import { getConfig } from "@/lib/security/config";

/** "Email me a code" / "Text me a code": the same answer whether or not the identity exists. */
export async function sendSignInCodeAction(input: SendCodeInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  if (await getSession()) redirect(getConfig().views.postLogin);
  const parsed = sendCodeSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  // The flow is shared with POST /api/security/us-signin/send-code.
  const result = await requestSignInCode(parsed.data, ctx);
  if (!result.ok) return stateFromFailure(result);
  return successState((await pageWords()).GENERIC_US_SIGNIN);
}
