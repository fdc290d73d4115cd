import "server-only";
import type { ErrorCode, Failure } from "@/lib/security/core/errors";
import { stateFromFailure, type FormState } from "@/lib/view/form-state";

/**
 * The statuses that are not 400. Flask-Security answers a failed form with 400, a missing sign-in
 * with 401 (a stale one too: `reauth_required`) and missing rights with 403; a spent rate limit is
 * Gatehouse's own 429. An expected failure is never a 5xx (DESIGN.md principle 7).
 */
const STATUSES: Partial<Record<ErrorCode, 401 | 403 | 429>> = {
  UNAUTHENTICATED: 401,
  REAUTHENTICATION_REQUIRED: 401,
  UNAUTHORIZED: 403,
  RATE_LIMITED: 429,
};

export function failureStatus(code: ErrorCode): 400 | 401 | 403 | 429 {
  return STATUSES[code] ?? 400;
}

/**
 * A Failure as a route handler answers it: its form state as JSON (code, message, field errors),
 * its status, and Retry-After when the caller must wait. The one mapping for JSON answers, as
 * stateFromFailure is for server actions.
 */
export async function failureResponse(failure: Failure, headers?: HeadersInit): Promise<Response> {
  const body: FormState = await stateFromFailure(failure);
  const all = new Headers(headers);
  if (failure.retryAfter) all.set("Retry-After", String(failure.retryAfter));
  return Response.json(body, { status: failureStatus(failure.code), headers: all });
}
