"use server";
import { redirect } from "next/navigation";
import { postLogoutRedirect } from "@/lib/security/core/redirects";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { signOut } from "@/lib/security/sessions/sign-out";

/** Sign out (POST only: a server action cannot be triggered by a link or an <img>). */
export async function signOutAction(): Promise<void> {
  await signOut(await currentRequestContext());
  redirect(postLogoutRedirect(null));
}
