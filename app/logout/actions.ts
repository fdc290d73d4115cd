"use server";
import { redirect } from "next/navigation";
import { getConfig } from "@/lib/security/config";
import { currentRequestContext, endCurrentSession } from "@/lib/security/sessions/current";
import { recordEvent } from "@/lib/security/core/events";

/** Sign out (POST only: a server action cannot be triggered by a link or an <img>). */
export async function signOutAction(): Promise<void> {
  const ctx = await currentRequestContext();
  const userId = await endCurrentSession();
  if (userId) await recordEvent("user_unauthenticated", { userId, ctx });
  redirect(`${getConfig().views.postLogout}?notice=LOGGED_OUT`);
}
