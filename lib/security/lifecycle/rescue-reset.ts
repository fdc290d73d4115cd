import "server-only";
import { fail, type Result } from "../core/errors";
import type { AdminOptions } from "../accounts/admin-events";
import { findOpenRescueRequest, resolveRescueRequest } from "../accounts/rescue-requests";
import { resetUserAccess, type AccessReset } from "./reset-access";

/**
 * The rescue queue's "reset access": resetUserAccess for the requester (their next sign-in sets up
 * two-factor again when it is required of them), then the request leaves the queue. A request
 * another admin already handled is refused before anything is reset.
 */
export async function resetAccessFromRescue(requestId: string, options: AdminOptions = {}): Promise<Result<AccessReset & { userId: string }>> {
  const request = await findOpenRescueRequest(requestId);
  if (!request) return fail("RESCUE_REQUEST_NOT_FOUND");
  const reset = await resetUserAccess(request.userId, options);
  if (!reset.ok) return reset;
  // Lost only to a concurrent resolution of the same request: the reset stands either way.
  await resolveRescueRequest(request.id, "reset", options);
  return { ...reset, userId: request.userId };
}
