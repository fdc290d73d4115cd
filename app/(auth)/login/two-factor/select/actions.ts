"use server";
import { redirect } from "next/navigation";
import type { FormState } from "@/lib/form-state";
import { currentRequestContext, pendingLoginToken, secondFactorUrl } from "@/lib/security/current-user";
import { chooseSecondFactor } from "@/lib/security/second-factor-steps";
import { stateFromSecondFactorFailure } from "../guard";

/** The user picked one of their second factors; email/SMS codes are sent now. */
export async function chooseMethodAction(formData: FormData): Promise<FormState> {
  const ctx = await currentRequestContext();
  const which = formData.get("method");
  const result = await chooseSecondFactor(await pendingLoginToken(), typeof which === "string" ? which : "", ctx);
  if (!result.ok) return stateFromSecondFactorFailure(result);
  redirect(secondFactorUrl("ready", result.method));
}
