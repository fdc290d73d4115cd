import "server-only";
import type { Failure } from "@/lib/security/core/errors";
import { withStrictTransportSecurity } from "@/lib/security/core/headers";
import { requestContextFrom, type RequestContext } from "@/lib/security/core/request-context";
import { setCsrfCookie } from "@/lib/security/sessions/cookies";
import { isSameOriginRequest } from "@/lib/security/core/request-checks";
import { ruleFor, type RouteRule } from "@/lib/security/core/routes";
import { negotiateLocale, type Locale } from "@/lib/i18n/locales";
import { fullPath, type Contract } from "./contracts/shared";
import { checkCsrf, csrfTokenOf } from "./csrf";
import { failureAnswer, jsonAnswer, NO_STORE, refusalAnswer } from "./envelope";
import { ourFields } from "./field-names";
import { authenticate, challengeFor, checkRule, type Principal } from "./guard";
import { reauthDetails } from "./reauth";
import { checkFields, readJsonObject } from "./request";

/**
 * A JSON API route in a few lines: `export const POST = apiRoute(contract, async (call) => …)`.
 * Before the handler runs: a browser's cross-site call is refused (403), the caller is
 * authenticated by the mechanisms the route table gives the path and held to its rule (401, 403,
 * reauth_required), an unsafe session call must carry its CSRF token (400), and the JSON body is
 * read and checked against the contract's request schema, then renamed to our field names. The
 * handler returns a payload (the envelope's `response`) or a Failure; the answer is always the
 * envelope with `Cache-Control: private, no-store`.
 */
export interface ApiCall {
  request: Request;
  ctx: RequestContext;
  principal: Principal | null;
  /** The body's fields under our names (lib/api/field-names.ts). */
  fields: Record<string, unknown>;
  /** ?include_auth_token on a POST (Flask-Security returns a token only then). */
  includeAuthToken: boolean;
  /** This answer's csrf_token: for the caller, or for the session a sign-in has just begun. */
  csrfToken: (newSessionToken?: string) => Promise<string>;
}

export type ApiResult = { response: object; status?: number } | { redirect: string } | Failure;

/** A mechanism-less rule for a path the table does not give one (a mistake): the session only. */
const SESSION_ONLY: readonly ["session"] = ["session"];

export function apiRoute(contract: Contract, handle: (call: ApiCall) => Promise<ApiResult>): (request: Request) => Promise<Response> {
  return async (request) => {
    if (declaredCrossSite(request.headers)) return refusalAnswer(403, "API_ERROR", "Cross-site requests are refused.");
    const locale = languageAskedFor(request.headers);
    const url = new URL(request.url);
    // The rule is the endpoint's, found from its contract's path, not from the URL it was reached at:
    // under SECURITY_URL_PREFIX (a rewrite, next.config.mjs) the URL is not in the route table.
    const served = fullPath(contract);
    const rule: RouteRule = ruleFor(served) ?? { prefix: served, access: "signed-in" };
    const mechanisms = rule.mechanisms ?? SESSION_ONLY;
    const asked = requestContextFrom(request.headers);
    const principal = await authenticate(request, mechanisms, asked);
    // A view-as session's administrator is the actor of every event this call writes (decision 058).
    const ctx: RequestContext = { ...asked, actorId: principal?.via === "session" ? principal.session.impersonatorId : null };
    const refused = (await checkRule(principal, rule)) ?? (await checkCsrf(request, principal));
    if (refused) {
      const headers = refused.code === "UNAUTHENTICATED" ? challengeFor(mechanisms) : undefined;
      const extra = refused.code === "REAUTHENTICATION_REQUIRED" ? await reauthDetails(principal?.user.id) : undefined;
      return failureAnswer(refused, { headers, extra, locale });
    }

    let fields: Record<string, unknown> = {};
    if (request.method !== "GET" && request.method !== "HEAD") {
      const body = await readJsonObject(request);
      if (!body.ok) return failureAnswer(body.failure, { status: body.status, locale });
      const checked = contract.request ? checkFields(contract.request, body.fields, contract.codeFields) : body;
      if (!checked.ok) return failureAnswer(checked.failure, { status: checked.status, names: contract.names, locale });
      fields = ourFields(checked.fields, contract.names);
    }
    const call: ApiCall = {
      request,
      ctx,
      principal,
      fields,
      includeAuthToken: request.method === "POST" && url.searchParams.has("include_auth_token"),
      csrfToken: (newSessionToken) => csrfTokenOf(principal, newSessionToken),
    };
    const result = await handle(call);
    if ("ok" in result && result.ok === false) return failureAnswer(result, { names: contract.names, locale });
    if ("redirect" in result) {
      return new Response(null, { status: 302, headers: withStrictTransportSecurity({ Location: result.redirect, "Cache-Control": NO_STORE }) });
    }
    const answer = result as { response: object; status?: number };
    // Every answer that hands out a csrf_token refreshes the readable CSRF cookie (when configured).
    const { csrf_token: csrfToken } = answer.response as { csrf_token?: unknown };
    if (typeof csrfToken === "string") await setCsrfCookie(csrfToken);
    return jsonAnswer(answer.status ?? 200, answer.response);
  };
}

/**
 * The language a caller asks the API's `errors` to be in: one Gatehouse ships, other than English,
 * named by Accept-Language. Null keeps Flask-Security's English (decision 070).
 */
function languageAskedFor(headers: Headers): Locale | null {
  const asked = negotiateLocale(headers.get("accept-language"));
  return asked && asked !== "en" ? asked : null;
}

/** A method the endpoint does not take (GET /logout): 405 in the envelope, with Allow. */
export function methodNotAllowed(allow: string): () => Response {
  return () => refusalAnswer(405, "API_ERROR", `Use ${allow} for this endpoint.`, { Allow: allow });
}

/**
 * The first line, before any credential is read: a browser that says the call is cross-site
 * (Sec-Fetch-Site, or an Origin that is not ours) is refused. A call with neither header is not
 * from a browser (a mobile app, a service) and goes on to the mechanisms and CSRF.
 */
function declaredCrossSite(headers: Headers): boolean {
  const site = headers.get("sec-fetch-site");
  if (site === "none") return false;
  if (!site && !headers.get("origin")) return false;
  return !isSameOriginRequest(headers);
}
