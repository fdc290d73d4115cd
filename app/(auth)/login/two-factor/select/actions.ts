"use server";
import { redirect } from "next/navigation";
import { formText, type FormState } from "@/lib/view/form-state";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { pendingLoginToken } from "@/lib/security/sessions/cookies";
import { secondFactorUrl } from "@/lib/security/sign-in/continue";
import { chooseSecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { stateFromSecondFactorFailure } from "../guard";

/** The user picked one of their second factors; email/SMS codes are sent now. A forged, non-form call picks nothing. */
export async function chooseMethodAction(formData: FormData): Promise<FormState> {
  const ctx = await currentRequestContext();
  const which = formText(formData, "method", 64) ?? "";
  const result = await chooseSecondFactor(await pendingLoginToken(), which, ctx);
  if (!result.ok) return stateFromSecondFactorFailure(result);
  redirect(secondFactorUrl("ready", result.method));
}
