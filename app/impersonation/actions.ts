"use server";
import { redirect } from "next/navigation";
import { clearImpersonatorCookie, impersonatorCookie } from "@/lib/security/sessions/cookies";
import { currentRequestContext, getSession, issueSessionCookie } from "@/lib/security/sessions/current";
import { endImpersonation } from "@/lib/security/sessions/impersonation";

/**
 * "Return to my account" (decision 042): ends the view-as session (or notices it already ended)
 * and gives the browser back the administrator's own session. The kept cookie goes either way: a
 * refused return (that session is gone) leaves nothing behind to offer it again.
 */
export async function returnToMyAccountAction(): Promise<void> {
  const ctx = await currentRequestContext();
  const result = await endImpersonation(await getSession(), await impersonatorCookie(), ctx);
  await clearImpersonatorCookie();
  if (!result.ok) redirect("/login");
  await issueSessionCookie(result.session);
  redirect("/admin/rescue?notice=IMPERSONATION_ENDED");
}
