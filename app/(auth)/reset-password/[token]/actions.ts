"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, type FormState } from "@/lib/view/form-state";
import { getConfig } from "@/lib/security/config";
import { viewWith } from "@/lib/security/core/redirects";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { resetPasswordForm } from "@/lib/security/passwords/forms";
import type { ResetPasswordInput } from "@/lib/security/core/schemas";

export async function resetPasswordAction(input: ResetPasswordInput): Promise<FormState> {
  const token = typeof input === "object" && input && typeof input.token === "string" ? input.token : "";
  const result = await resetPasswordForm(token, input, await currentRequestContext());
  if (!result.ok) {
    if (result.code === "INVALID_RESET_PASSWORD_TOKEN" || result.code === "PASSWORD_RESET_EXPIRED") {
      redirect(`/forgot-password?notice=${result.code}`);
    }
    return stateFromFailure(result);
  }
  redirect(viewWith(getConfig().views.postReset, { notice: "PASSWORD_RESET_NO_LOGIN" }));
}
