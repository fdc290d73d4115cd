"use server";
import { redirect } from "next/navigation";
import { confirmEmail } from "@/lib/security/accounts/confirmation";
import { getConfig } from "@/lib/security/config";
import { viewWith } from "@/lib/security/core/redirects";
import { currentRequestContext } from "@/lib/security/sessions/current";

/** The "Confirm my email" button. Outcomes are shown on SECURITY_POST_CONFIRM_VIEW (unset: /login; success) or /confirm (errors). */
export async function confirmEmailAction(token: string): Promise<void> {
  const result = await confirmEmail(typeof token === "string" ? token : "", await currentRequestContext());
  if (result.ok) redirect(viewWith(getConfig().views.postConfirm, { notice: "EMAIL_CONFIRMED" }));
  redirect(`${result.code === "ALREADY_CONFIRMED" ? "/login" : "/confirm"}?notice=${result.code}`);
}
