"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/view/form-state";
import { currentRequestContext, endCurrentSession } from "@/lib/security/sessions/current";
import { resetPassword } from "@/lib/security/passwords/reset";
import { resetPasswordSchema, type ResetPasswordInput } from "@/lib/security/core/schemas";

export async function resetPasswordAction(input: ResetPasswordInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const parsed = resetPasswordSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);
  const result = await resetPassword(parsed.data, ctx);
  if (!result.ok) {
    if (result.code === "INVALID_RESET_PASSWORD_TOKEN" || result.code === "PASSWORD_RESET_EXPIRED") {
      redirect(`/forgot-password?notice=${result.code}`);
    }
    return stateFromFailure(result);
  }
  // Not signed in afterwards (Flask-Security's default); clear any cookie of the now-dead session.
  await endCurrentSession();
  redirect("/login?notice=PASSWORD_RESET_NO_LOGIN");
}
