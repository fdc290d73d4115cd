"use server";
import { redirect } from "next/navigation";
import type { CodeMethodSetup } from "@/lib/view/two-factor-types";
import { stateFromFailure, type FormState } from "@/lib/view/form-state";
import type { CodeMethod } from "@/lib/security/config";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireUser } from "@/lib/security/sessions/guards";
import type { CodeSetupConfirmInput, SignInMethodRemoveInput, SignInMethodSetupInput } from "@/lib/security/core/schemas";
import { confirmSignInMethodSetupForm, removeSignInMethodForm, startSignInMethodSetupForm } from "@/lib/security/codes/sign-in-methods";
import { authenticatorEnrollment } from "@/lib/view/two-factor-enrollment";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";

const PAGE = SECURITY_PAGES.signInCodes;

/** Step 2 of setting up a sign-in method (what ProveMethodForm shows). */
export type MethodSetupStep = CodeMethodSetup & { method: CodeMethod };

export type StartMethodSetupState = FormState | { tone: "info"; setup: MethodSetupStep };

// Rate limits live in the core (codes sent and checked per user), so every adapter gets them.
export async function startMethodSetupAction(input: SignInMethodSetupInput): Promise<StartMethodSetupState> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const result = await startSignInMethodSetupForm(user, input, ctx);
  if (!result.ok) return stateFromFailure(result);
  const { setupToken, method, secret, uri, sentTo } = result;
  return { tone: "info", setup: { setupToken, method, enrollment: await authenticatorEnrollment(uri, secret), sentTo } };
}

export async function confirmMethodSetupAction(input: CodeSetupConfirmInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const result = await confirmSignInMethodSetupForm(user, input, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(`${PAGE}?notice=US_SETUP_SUCCESSFUL`);
}

export async function removeSignInMethodAction(input: SignInMethodRemoveInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const result = await removeSignInMethodForm(user, input, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(`${PAGE}?notice=US_METHOD_REMOVED`);
}
