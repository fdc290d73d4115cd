"use server";
import { redirect } from "next/navigation";
import { successState, type FormState } from "@/lib/view/form-state";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { pendingLoginToken } from "@/lib/security/sessions/cookies";
import { pageWords } from "@/lib/view/words";
import { rescueAskForHelp, rescueByEmail } from "@/lib/security/sign-in/second-factor-steps";
import { stateFromSecondFactorFailure } from "../guard";

/** Emails a one-time code to the account's address; the code page then accepts it. */
export async function rescueByEmailAction(): Promise<FormState> {
  const ctx = await currentRequestContext();
  const result = await rescueByEmail(await pendingLoginToken(), ctx);
  if (!result.ok) return stateFromSecondFactorFailure(result);
  redirect("/login/two-factor?notice=TWO_FACTOR_RESCUE_SENT");
}

/** Emails the site administrator (SECURITY_TWO_FACTOR_RESCUE_MAIL) on the user's behalf. */
export async function askForHelpAction(): Promise<FormState> {
  const ctx = await currentRequestContext();
  const result = await rescueAskForHelp(await pendingLoginToken(), ctx);
  if (!result.ok) return stateFromSecondFactorFailure(result);
  return successState((await pageWords()).TWO_FACTOR_HELP_REQUESTED);
}
