"use server";
import { redirect } from "next/navigation";
import { stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/form-state";
import { currentRequestContext, requireUser } from "@/lib/security/current-user";
import { reauthenticateWithPassword } from "@/lib/security/reauthenticate";
import { safeRedirectPath } from "@/lib/security/redirects";
import { verifySchema, type VerifyInput } from "@/lib/security/schemas";

export async function verifyAction(input: VerifyInput): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user, session } = await requireUser();
  const parsed = verifySchema.safeParse(input);
  if (!parsed.success) return stateFromInvalidInput(parsed.error);

  const result = await reauthenticateWithPassword(user, session, parsed.data.password, ctx);
  if (!result.ok) return stateFromFailure(result);
  const next = safeRedirectPath(parsed.data.next);
  redirect(next ?? "/account?notice=REAUTHENTICATION_SUCCESSFUL");
}
