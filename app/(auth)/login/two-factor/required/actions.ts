"use server";
import { redirect } from "next/navigation";
import { getConfig } from "@/lib/security/config";
import { currentRequestContext, endCurrentSession, getSession } from "@/lib/security/sessions/current";
import { continueAfterFirstFactor } from "@/lib/security/sign-in/continue";
import { postLoginRedirect } from "@/lib/security/core/redirects";
import { stepUpSession } from "@/lib/security/sign-in/second-factor";

/** Turns the one-factor session into a pending sign-in that asks for the second factor (or its set-up). */
export async function stepUpAction(next: string | null): Promise<void> {
  const current = await getSession();
  if (!current?.stepUpRequired) redirect(getConfig().views.postLogin);
  const destination = postLoginRedirect(next);
  const result = await stepUpSession(current, destination, await currentRequestContext());
  if (!result.ok) redirect(`/login?notice=${result.code === "RATE_LIMITED" ? "RATE_LIMITED" : "TWO_FACTOR_PERMISSION_DENIED"}`);
  await endCurrentSession();
  redirect(await continueAfterFirstFactor(result, destination));
}
