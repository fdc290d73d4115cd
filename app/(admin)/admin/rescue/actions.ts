"use server";
import { redirect } from "next/navigation";
import { USERS_WRITE } from "@/lib/security/core/console-permissions";
import { resolveRescueRequest } from "@/lib/security/accounts/rescue-requests";
import { resetAccessFromRescue } from "@/lib/security/lifecycle/rescue-reset";
import { currentRequestContext } from "@/lib/security/sessions/current";
import { requireFreshAdmin } from "@/lib/security/sessions/guards";
import { formText, stateFromFailure, type FormState } from "@/lib/view/form-state";

/** Resets the requester's access (resetUserAccess) and takes the request out of the queue. */
export async function resetFromRescueAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user } = await requireFreshAdmin(USERS_WRITE);
  const result = await resetAccessFromRescue(formText(formData, "request", 64) ?? "", { actorId: user.id, ctx });
  if (!result.ok) return stateFromFailure(result);
  redirect("/admin/rescue?notice=RESCUE_REQUEST_RESET");
}

export async function dismissRescueAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const ctx = await currentRequestContext();
  const { user } = await requireFreshAdmin(USERS_WRITE);
  const result = await resolveRescueRequest(formText(formData, "request", 64) ?? "", "dismissed", { actorId: user.id, ctx });
  if (!result.ok) return stateFromFailure(result);
  redirect("/admin/rescue?notice=RESCUE_REQUEST_DISMISSED");
}
