"use server";
import { redirect } from "next/navigation";
import { formText } from "@/lib/view/form-state";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireFreshUser, requireUser } from "@/lib/security/sessions/guards";
import { revokeOwnAuthToken, revokeOwnRefreshFamily } from "@/lib/security/sessions/api-credentials";
import { recordEvent } from "@/lib/security/core/events";
import { deleteOtherSessions, revokeSession } from "@/lib/security/sessions/store";

/** The form's FormData, or whatever a forged call sends instead (then nothing is revoked). */
export async function revokeSessionAction(formData: FormData): Promise<void> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const id = formText(formData, "id", 64);
  const ended = id ? await revokeSession(user.id, id) : false;
  if (ended) await recordEvent("session_revoked", { userId: user.id, ctx });
  // How many ended rides along for the toast ("Signed out 1 device"); the page bounds and words it.
  redirect(`/account/sessions?notice=SESSION_REVOKED&ended=${ended ? 1 : 0}`);
}

export async function revokeOtherSessionsAction(): Promise<void> {
  const ctx = await currentRequestContext();
  const { user, session } = await requireUser();
  const ended = await deleteOtherSessions(user.id, session.tokenHash);
  await recordEvent("session_revoked", { userId: user.id, ctx, data: { scope: "others", count: ended } });
  redirect(`/account/sessions?notice=SESSION_REVOKED&ended=${ended}`);
}

/**
 * One JSON API auth token, by the public id the page lists (another user's or a garbage id:
 * TOKEN_NOT_FOUND). Revoking an API credential needs a recent sign-in, like the account's other
 * security changes.
 */
export async function revokeAuthTokenAction(formData: FormData): Promise<void> {
  const ctx = await currentRequestContext();
  const { user } = await requireFreshUser();
  const result = await revokeOwnAuthToken(user.id, formText(formData, "id", 64) ?? "", ctx);
  redirect(`/account/sessions?notice=${result.ok ? "TOKEN_REVOKED" : result.code}`);
}

/** One refresh-token family (and the auth tokens it issued). */
export async function revokeRefreshFamilyAction(formData: FormData): Promise<void> {
  const ctx = await currentRequestContext();
  const { user } = await requireFreshUser();
  const result = await revokeOwnRefreshFamily(user.id, formText(formData, "id", 64) ?? "", ctx);
  redirect(`/account/sessions?notice=${result.ok ? "TOKEN_REVOKED" : result.code}`);
}
