"use server";
import { redirect } from "next/navigation";
import { confirmEmailChange } from "@/lib/security/lifecycle/change-email";
import { currentRequestContext, getSession } from "@/lib/security/sessions/current";

/** The "Confirm new email address" button. Outcomes show on the account page when signed in here, else on /login. */
export async function confirmEmailChangeAction(token: string): Promise<void> {
  const result = await confirmEmailChange(typeof token === "string" ? token : "", await currentRequestContext());
  const target = (await getSession()) ? "/account" : "/login";
  redirect(`${target}?notice=${result.ok ? "CHANGE_EMAIL_CONFIRMED" : result.code}`);
}
