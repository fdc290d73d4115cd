import { NextResponse, type NextRequest } from "next/server";
import type { FormState } from "@/lib/view/form-state";
import { failureResponse } from "@/lib/view/failure-response";
import { getConfig } from "@/lib/security/config";
import type { ErrorCode, Failure } from "@/lib/security/core/errors";
import { withStrictTransportSecurity } from "@/lib/security/core/headers";
import { requiresConfirmationRedirect, safeRedirectTarget } from "@/lib/security/core/redirects";
import { requestContextFrom } from "@/lib/security/core/request-context";
import { isSameOriginRequest, readRouteBody } from "@/lib/security/core/route-input";
import { loginWithForm } from "@/lib/security/sign-in/login";

/**
 * POST /login/session: the sign-in form (password, or a one-time code with unified sign-in).
 *
 * A route handler rather than a server action: an action that sets a cookie makes Next render a
 * page into the same response (for a redirect, the target page, fetched over HTTP from this very
 * server), which more than doubled the sign-in's latency (docs/decisions/008). Here the answer is
 * the session cookie and where to go: `{ redirectTo }` for the page's fetch, a 303 for the same
 * form posted before its JavaScript has loaded (so a password never ends up in a GET query string).
 * The flow itself is lib/security/sign-in/login.ts, shared with POST /api/security/login.
 */

// Answers about a sign-in are for this browser only, and pin https like every page (proxy.ts,
// which adds both elsewhere, skips this route).
const noStore = (): Headers => withStrictTransportSecurity({ "Cache-Control": "private, no-store" });

export async function POST(request: NextRequest): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) return refused("Cross-site requests are refused.", 403);
  const body = await readRouteBody(request);
  if (!body.ok) return refused(body.message, body.status);
  const answer = body.kind === "json" ? answerJson : answerForm;
  const outcome = await loginWithForm(body.fields, requestContextFrom(request.headers));
  if (!outcome.ok) {
    const confirmView = outcome.code === "CONFIRMATION_REQUIRED" ? requiresConfirmationRedirect(body.fields.identity) : null;
    return answer(confirmView ? { redirectTo: confirmView } : { failure: outcome, next: outcome.next });
  }
  return answer({ redirectTo: outcome.status === "already-signed-in" ? getConfig().views.postLogin : outcome.redirectTo });
}

type Outcome = { redirectTo: string } | { failure: Failure; next?: string };

/** The page's fetch: JSON it can show next to the fields. */
function answerJson(outcome: Outcome): Response | Promise<Response> {
  if ("redirectTo" in outcome) return NextResponse.json({ redirectTo: outcome.redirectTo }, { headers: noStore() });
  return failureResponse(outcome.failure, noStore());
}

/** A request refused before it is read as a sign-in (wrong origin, body not a form): its own words. */
function refused(message: string, status: number): Response {
  const state: FormState = { tone: "error", code: "API_ERROR", message };
  return NextResponse.json(state, { status, headers: noStore() });
}

/** The form without JavaScript: back to /login with the message as a notice, or on to the next page. */
function answerForm(outcome: Outcome): Response {
  const base = getConfig().appUrl;
  if ("redirectTo" in outcome) return withNoStore(NextResponse.redirect(new URL(outcome.redirectTo, base), 303));
  const back = new URL("/login", base);
  back.searchParams.set("notice", noticeFor(outcome.failure));
  const next = safeRedirectTarget(outcome.next);
  if (next) back.searchParams.set("next", next);
  return withNoStore(NextResponse.redirect(back, 303));
}

function withNoStore(response: NextResponse): NextResponse {
  for (const [name, value] of noStore()) response.headers.set(name, value);
  return response;
}

/**
 * A notice carries a code and no field errors, so a form rejected for a field says which one in
 * the code Flask-Security uses for it; every other failure is its own notice.
 */
const FIELD_NOTICES: readonly (readonly [field: string, code: ErrorCode])[] = [
  ["identity", "US_SPECIFY_IDENTITY"],
  ["password", "PASSWORD_NOT_PROVIDED"],
];

function noticeFor(failure: Failure): ErrorCode {
  if (failure.code !== "INVALID_INPUT") return failure.code;
  return FIELD_NOTICES.find(([field]) => failure.fieldErrors?.[field])?.[1] ?? "INVALID_INPUT";
}
