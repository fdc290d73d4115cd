"use server";
import { redirect } from "next/navigation";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { unlockAccount } from "@/lib/security/accounts/lockout";

export async function unlockAccountAction(token: string): Promise<void> {
  const result = await unlockAccount(typeof token === "string" ? token : "", await currentRequestContext());
  redirect(`/login?notice=${result.ok ? "UNLOCK_SUCCESSFUL" : result.code}`);
}
