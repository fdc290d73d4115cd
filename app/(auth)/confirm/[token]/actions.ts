"use server";
import { redirect } from "next/navigation";
import { confirmEmail } from "@/lib/security/accounts/confirmation";
import { currentRequestContext } from "@/lib/security/sessions/current";

/** The "Confirm my email" button. Outcomes are shown on /login (success) or /confirm (errors). */
export async function confirmEmailAction(token: string): Promise<void> {
  const result = await confirmEmail(typeof token === "string" ? token : "", await currentRequestContext());
  if (result.ok) redirect("/login?notice=EMAIL_CONFIRMED");
  redirect(`${result.code === "ALREADY_CONFIRMED" ? "/login" : "/confirm"}?notice=${result.code}`);
}
