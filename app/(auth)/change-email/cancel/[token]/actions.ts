"use server";
import { redirect } from "next/navigation";
import { cancelEmailChange } from "@/lib/security/lifecycle/change-email";
import { currentRequestContext, getSession } from "@/lib/security/sessions/current";

/** The old address's "Cancel the change" button. */
export async function cancelEmailChangeAction(token: string): Promise<void> {
  const result = await cancelEmailChange(typeof token === "string" ? token : "", await currentRequestContext());
  const target = (await getSession()) ? "/account" : "/login";
  redirect(`${target}?notice=${result.ok ? "CHANGE_EMAIL_CANCELLED" : result.code}`);
}
