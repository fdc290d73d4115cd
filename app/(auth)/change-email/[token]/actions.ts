"use server";
import { redirect } from "next/navigation";
import { confirmEmailChange } from "@/lib/security/lifecycle/change-email";
import { getConfig } from "@/lib/security/config";
import { viewWith } from "@/lib/security/core/redirects";
import { currentRequestContext, getSession } from "@/lib/security/sessions/current";

/** The "Confirm new email address" button. Success shows on SECURITY_POST_CHANGE_EMAIL_VIEW when set; otherwise outcomes show on the account page when signed in here, else on /login. */
export async function confirmEmailChangeAction(token: string): Promise<void> {
  const result = await confirmEmailChange(typeof token === "string" ? token : "", await currentRequestContext());
  const target = (await getSession()) ? "/account" : "/login";
  const view = getConfig().views.postChangeEmail;
  if (result.ok && view) redirect(viewWith(view, { notice: "CHANGE_EMAIL_CONFIRMED" }));
  redirect(`${target}?notice=${result.ok ? "CHANGE_EMAIL_CONFIRMED" : result.code}`);
}
