import { NextResponse, type NextRequest } from "next/server";
import { stateFromFailure, stateFromInvalidInput, type FormState } from "@/lib/view/form-state";
import { getConfig } from "@/lib/security/config";
import { getSession } from "@/lib/security/sessions/current";
import { rememberedDeviceCookie } from "@/lib/security/sessions/cookies";
import { continueAfterFirstFactor } from "@/lib/security/sign-in/continue";
import type { Failure } from "@/lib/security/core/errors";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { postLoginRedirect, safeRedirectPath } from "@/lib/security/core/redirects";
import { requestContextFrom } from "@/lib/security/core/request-context";
import { isSameOriginRequest, readRouteBody } from "@/lib/security/core/route-input";
import { loginSchema } from "@/lib/security/core/schemas";
import { signInWithPasscode } from "@/lib/security/sign-in/passcode";

/**
 * POST /login/session: the sign-in form (password, or a one-time code with unified sign-in).
 *
 * A route handler rather than a server action: an action that sets a cookie makes Next render a
 * page into the same response (for a redirect, the target page, fetched over HTTP from this very
 * server), which more than doubled the sign-in's latency (docs/decisions/008). Here the answer is
 * the session cookie and where to go: `{ redirectTo }` for the page's fetch, a 303 for the same
 * form posted before its JavaScript has loaded (so a password never ends up in a GET query string).
 */

// Answers about a sign-in are for this browser only (proxy.ts, which adds this elsewhere, skips this route).
const NO_STORE = { "Cache-Control": "private, no-store" };

export async function POST(request: NextRequest): Promise<Response> {
  if (!isSameOriginRequest(request.headers)) {
    return NextResponse.json({ tone: "error", code: "API_ERROR", message: "Cross-site requests are refused." }, { status: 403, headers: NO_STORE });
  }
  const body = await readRouteBody(request);
  if (!body.ok) return NextResponse.json({ tone: "error", code: "API_ERROR", message: body.message }, { status: body.status, headers: NO_STORE });
  const answer = body.kind === "json" ? answerJson : answerForm;

  if (await getSession()) return answer({ redirectTo: getConfig().views.postLogin });
  const parsed = loginSchema.safeParse(body.fields);
  if (!parsed.success) return answer({ state: stateFromInvalidInput(parsed.error) });

  const ctx = requestContextFrom(request.headers);
  const next = postLoginRedirect(parsed.data.next);
  const deviceCookie = await rememberedDeviceCookie();
  // Unified sign-in: the same box takes the password or a one-time code.
  const result = getConfig().unified.enabled
    ? await signInWithPasscode({ identity: parsed.data.identity, passcode: parsed.data.password, remember: parsed.data.remember, next, deviceCookie }, ctx)
    : await loginWithPassword({ ...parsed.data, next, deviceCookie }, ctx);
  if (!result.ok) return answer({ state: stateFromFailure(result), failure: result, next: parsed.data.next });
  return answer({ redirectTo: await continueAfterFirstFactor(result.outcome, next) });
}

type Outcome = { redirectTo: string } | { state: FormState; failure?: Failure; next?: string };

/** The page's fetch: JSON it can show next to the fields. */
function answerJson(outcome: Outcome): Response {
  if ("redirectTo" in outcome) return NextResponse.json({ redirectTo: outcome.redirectTo }, { headers: NO_STORE });
  const retryAfter = outcome.failure?.retryAfter;
  const status = outcome.failure?.code === "RATE_LIMITED" ? 429 : 400;
  return NextResponse.json(outcome.state, { status, headers: retryAfter ? { ...NO_STORE, "Retry-After": String(retryAfter) } : NO_STORE });
}

/** The form without JavaScript: back to /login with the message as a notice, or on to the next page. */
function answerForm(outcome: Outcome): Response {
  const base = getConfig().appUrl;
  if ("redirectTo" in outcome) return withNoStore(NextResponse.redirect(new URL(outcome.redirectTo, base), 303));
  const back = new URL("/login", base);
  back.searchParams.set("notice", noticeCode(outcome.state));
  const next = safeRedirectPath(outcome.next);
  if (next) back.searchParams.set("next", next);
  return withNoStore(NextResponse.redirect(back, 303));
}

function withNoStore(response: NextResponse): NextResponse {
  response.headers.set("Cache-Control", NO_STORE["Cache-Control"]);
  return response;
}

/** Field errors become the matching notice; everything else keeps its code (notices render only known keys). */
function noticeCode(state: FormState): string {
  if (state?.code !== "INVALID_INPUT") return state?.code ?? "GENERIC_AUTHN_FAILED";
  if (state.fieldErrors?.identity) return "US_SPECIFY_IDENTITY";
  if (state.fieldErrors?.password) return "PASSWORD_NOT_PROVIDED";
  return "INVALID_INPUT";
}
