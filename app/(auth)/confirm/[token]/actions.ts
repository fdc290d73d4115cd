"use server";
import { redirect } from "next/navigation";
import { getConfig } from "@/lib/security/config";
import { viewWith } from "@/lib/security/core/redirects";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { confirmWithLink } from "@/lib/security/sign-in/after-email-link";

/**
 * The "Confirm my email" button. Outcomes are shown on SECURITY_POST_CONFIRM_VIEW (unset: /login; success) or /confirm (errors).
 * With SECURITY_AUTO_LOGIN_AFTER_CONFIRM it goes on as a sign-in does: the second step, or POST_LOGIN_VIEW;
 * a sign-in the gate refuses (disabled, locked) shows why on /login, the address confirmed all the same.
 */
export async function confirmEmailAction(token: string): Promise<void> {
  const result = await confirmWithLink(typeof token === "string" ? token : "", await currentRequestContext());
  if (result.ok) {
    const { signIn } = result;
    if (signIn?.ok && signIn.status === "signed-in") redirect(viewWith(signIn.redirectTo, { notice: "EMAIL_CONFIRMED" }));
    if (signIn?.ok && signIn.status === "second-factor") redirect(signIn.redirectTo);
    if (signIn && !signIn.ok) redirect(`/login?notice=${signIn.code}`);
    redirect(viewWith(getConfig().views.postConfirm, { notice: "EMAIL_CONFIRMED" }));
  }
  redirect(`${result.code === "ALREADY_CONFIRMED" ? "/login" : "/confirm"}?notice=${result.code}`);
}
