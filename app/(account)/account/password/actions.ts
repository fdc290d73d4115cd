"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/form-state";
import { currentRequestContext, issueSessionCookie, requireUser } from "@/lib/security/current-user";
import { changePassword } from "@/lib/security/password-change";
import { changePasswordSchema, type ChangePasswordInput } from "@/lib/security/schemas";

export async function changePasswordAction(input: ChangePasswordInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user, session } = await requireUser();
  const parsed = changePasswordSchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const result = await changePassword(user, session, parsed.data, ctx);
  if (!result.ok) return stateFromFailure(result);
  await issueSessionCookie(result.session);
  redirect("/account?notice=PASSWORD_CHANGE");
}
