"use server";
import { redirect } from "next/navigation";
import type { CodeMethodSetup } from "@/lib/view/two-factor-types";
import { authenticatorEnrollment, shownSetupIn } from "@/lib/view/two-factor-enrollment";
import { formFields, keepingFields, stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/view/form-state";
import type { TwoFactorMethod } from "@/lib/security/config";
import { getConfig } from "@/lib/security/config";
import { viewWith } from "@/lib/security/core/redirects";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireUser } from "@/lib/security/sessions/guards";
import { codeSetupConfirmSchema, twoFactorSetupSchema, type CodeSetupConfirmInput, type TwoFactorSetupInput } from "@/lib/security/core/schemas";
import { confirmCodeSetup, startCodeSetup } from "@/lib/security/codes/setup";
import { disableTwoFactor } from "@/lib/security/codes/two-factor";

/** Step 2 of setting up a two-step method (what ProveMethodForm shows). */
export type SetupStep = CodeMethodSetup & { method: TwoFactorMethod };

export type StartSetupState = FormState | { tone: "info"; setup: SetupStep };

export async function startTwoFactorSetupAction(input: TwoFactorSetupInput): Promise<StartSetupState> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const parsed = twoFactorSetupSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const result = await startCodeSetup("two-factor", user, parsed.data, ctx);
  if (!result.ok) return stateFromFailure(result);
  const { setupToken, method, secret, uri, sentTo } = result;
  return {
    tone: "info",
    setup: {
      setupToken,
      method,
      enrollment: await authenticatorEnrollment(uri, secret),
      sentTo: method === "email" ? user.email : sentTo,
    },
  };
}

export async function confirmTwoFactorSetupAction(input: CodeSetupConfirmInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const parsed = codeSetupConfirmSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const result = await confirmCodeSetup("two-factor", user, parsed.data, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(viewWith(getConfig().views.twoFactorPostSetup, { notice: result.changed ? "TWO_FACTOR_CHANGE_METHOD_SUCCESSFUL" : "TWO_FACTOR_ENABLED" }));
}

export async function disableTwoFactorAction(): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user, authorization } = await requireUser();
  const result = await disableTwoFactor(user, authorization.roles, ctx);
  if (!result.ok) return stateFromFailure(result);
  redirect(`${SECURITY_PAGES.overview}?notice=TWO_FACTOR_DISABLED`);
}

/**
 * Both steps as the browser posts them itself, before hydration or without JavaScript
 * (components/forms/use-server-form.ts): step 2's form carries the setup token. A wrong code
 * comes back with the step the page showed (`previous`, checked: it is the browser's copy), so the
 * QR code and the code field stay. An expired set-up goes back to step 1: its step cannot succeed,
 * and without JavaScript step 2 has no way back of its own.
 */
export async function twoFactorSetupPosted(previous: unknown, formData: FormData): Promise<StartSetupState> {
  const fields = formFields(formData);
  if (!("setupToken" in fields)) return keepingFields(await startTwoFactorSetupAction(fields as TwoFactorSetupInput), fields, ["method", "phone"]);
  const failed = await confirmTwoFactorSetupAction(fields as CodeSetupConfirmInput);
  const shown = shownSetupIn(previous, true);
  if (!failed || !shown || failed.code === "TWO_FACTOR_SETUP_EXPIRED") return failed;
  return { ...failed, setup: shown };
}
