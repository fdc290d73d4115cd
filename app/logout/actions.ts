"use server";
import { redirect } from "next/navigation";
import { getConfig } from "@/lib/security/config";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { signOut } from "@/lib/security/sessions/sign-out";

/** Sign out (POST only: a server action cannot be triggered by a link or an <img>). */
export async function signOutAction(): Promise<void> {
  await signOut(await currentRequestContext());
  redirect(`${getConfig().views.postLogout}?notice=LOGGED_OUT`);
}
