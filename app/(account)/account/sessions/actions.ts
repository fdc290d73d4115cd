"use server";
import { redirect } from "next/navigation";
import { formText } from "@/lib/view/form-state";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireUser } from "@/lib/security/sessions/guards";
import { recordEvent } from "@/lib/security/core/events";
import { deleteOtherSessions, revokeSession } from "@/lib/security/sessions/store";

/** The form's FormData, or whatever a forged call sends instead (then nothing is revoked). */
export async function revokeSessionAction(formData: FormData): Promise<void> {
  const ctx = await currentRequestContext();
  const { user } = await requireUser();
  const id = formText(formData, "id", 64);
  if (id && (await revokeSession(user.id, id))) {
    await recordEvent("session_revoked", { userId: user.id, ctx });
  }
  redirect("/account/sessions?notice=SESSION_REVOKED");
}

export async function revokeOtherSessionsAction(): Promise<void> {
  const ctx = await currentRequestContext();
  const { user, session } = await requireUser();
  await deleteOtherSessions(user.id, session.tokenHash);
  await recordEvent("session_revoked", { userId: user.id, ctx, data: { scope: "others" } });
  redirect("/account/sessions?notice=SESSION_REVOKED");
}
