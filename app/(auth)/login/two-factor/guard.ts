import "server-only";
import { redirect } from "next/navigation";
import { stateFromFailure, type FormState } from "@/lib/view/form-state";
import { pendingLoginToken } from "@/lib/security/sessions/cookies";
import type { Failure } from "@/lib/security/core/errors";
import type { ActivePending, PendingState } from "@/lib/security/sessions/pending";
import { findPendingIn } from "@/lib/security/sign-in/second-factor";

/** Where a missing, expired or wrong-state pending login sends the visitor: back to the first factor. */
export const PENDING_DENIED_URL = "/login?notice=TWO_FACTOR_PERMISSION_DENIED";

/** The second-step pages open only with a live pending login in a state they serve. */
export async function requirePendingLogin(...states: PendingState[]): Promise<ActivePending> {
  const found = await findPendingIn(await pendingLoginToken(), states);
  if (!found) redirect(PENDING_DENIED_URL);
  return found;
}

/** A failed second-step action: a lost (or exhausted) pending sign-in starts over; anything else stays on the form. */
export function stateFromSecondFactorFailure(failure: Failure): Promise<FormState> {
  if (failure.code === "TWO_FACTOR_PERMISSION_DENIED") redirect(PENDING_DENIED_URL);
  if (failure.code === "TWO_FACTOR_ATTEMPTS_EXCEEDED") redirect("/login?notice=TWO_FACTOR_ATTEMPTS_EXCEEDED");
  return stateFromFailure(failure);
}
