"use server";
import { redirect } from "next/navigation";
import { USERS_IMPERSONATE } from "@/lib/security/core/console-permissions";
import { setImpersonatorCookie } from "@/lib/security/sessions/cookies";
import { currentRequestContext, issueSessionCookie } from "@/lib/security/sessions/current";
import { requireFreshAdmin } from "@/lib/security/sessions/guards";
import { startImpersonation } from "@/lib/security/sessions/impersonation";
import { formText, stateFromFailure, type FormState } from "@/lib/view/form-state";

/**
 * "View as" (decision 042): a fresh admin with users:impersonate. Their own session token goes
 * aside in the impersonator cookie; the browser then holds the user's time-limited session.
 */
export async function startImpersonationAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await currentRequestContext();
  const admin = await requireFreshAdmin(USERS_IMPERSONATE);
  const result = await startImpersonation(admin, formText(formData, "user", 64) ?? "", ctx);
  if (!result.ok) return stateFromFailure(result);
  await setImpersonatorCookie(result.keep.token, result.keep.expiresAt);
  await issueSessionCookie(result.session);
  redirect("/account");
}
