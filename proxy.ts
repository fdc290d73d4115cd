import { NextResponse, type NextRequest } from "next/server";
import { checkActionBody, checkActionHeaders, isServerActionRequest, refusalResponse } from "@/lib/security/core/action-guard";
import { PATH_HEADER } from "@/lib/security/core/path-header";
import { loginUrlFor } from "@/lib/security/core/redirects";
import { ruleFor } from "@/lib/security/core/routes";
import { cookieName, sessionCookieName } from "@/lib/security/sessions/cookies";
import { contentSecurityPolicy, strictTransportSecurity } from "@/lib/security/core/headers";
import { requestedOrigin, withheldOrigin } from "@/lib/security/core/request-checks";
import { chooseLocale } from "@/lib/i18n/choose";
import { LOCALE_HEADER, localeCookieName } from "@/lib/i18n/cookie";
import type { Locale } from "@/lib/i18n/locales";
import { PRERENDERED_PREFIX, prerenderedPage } from "@/lib/view/prerendered-pages";
import { INLINE_SCRIPT_HASHES } from "@/lib/view/inline-script-hashes";

/**
 * The request gate. It decides from the cookie alone (no database round trip, so the one query
 * per request budget is spent by the page guard): anonymous visitors to signed-in pages are
 * redirected to /login?next=…; everything else — roles, freshness, revoked sessions — is
 * checked by requireUser() in the page or action. It also sets the CSP: a nonce per request for a
 * rendered page, or, for a visitor the prerendered anonymous pages fit, a rewrite to that page and
 * the hashes of its scripts (decision 067).
 * Server-action requests first pass the door (lib/security/core/action-guard.ts); no other request's
 * body is read.
 */
export function proxy(request: NextRequest): NextResponse | Promise<Response> {
  const { pathname } = request.nextUrl;
  // Next.js answers 500 when a dynamic segment is not valid percent-encoding ("/confirm/%ff");
  // such a URL is the client's mistake, so it gets a 400 here.
  if (!isDecodable(pathname)) return new NextResponse("Bad request: malformed URL", { status: 400 });
  if (isServerActionRequest(request.method, pathname, request.headers)) return guardServerAction(request);
  return gate(request);
}

/** What Next.js would answer with a 500 while decoding the action gets a 4xx here instead. */
async function guardServerAction(request: NextRequest): Promise<Response> {
  const refusal = checkActionHeaders(request.headers) ?? (await checkActionBody(request.headers, request.body));
  if (refusal) return withHsts(refusalResponse(refusal));
  // A no-JS form on a no-referrer page came with `Origin: null` (the door checked Sec-Fetch-Site):
  // Next compares Origin with Host and would answer the real form with a 500, so it gets the origin back.
  const origin = withheldOrigin(request.headers) ? requestedOrigin(request.headers, request.nextUrl.protocol) : null;
  return gate(request, origin ? { origin } : {});
}

function gate(request: NextRequest, override: Record<string, string> = {}): NextResponse {
  const { pathname, search } = request.nextUrl;
  const hasSession = Boolean(request.cookies.get(sessionCookieName())?.value);
  const rule = ruleFor(pathname);

  // A JSON API rule (one with mechanisms) is answered by its handler: a 401 in the envelope, never a redirect.
  if (rule?.access === "signed-in" && !rule.mechanisms && !hasSession) {
    return withHsts(NextResponse.redirect(new URL(loginUrlFor(`${pathname}${search}`), request.url)));
  }

  // The page's language: the saved preference's cookie, else Accept-Language, else the default.
  const locale = chooseLocale({ cookie: request.cookies.get(localeCookieName())?.value, acceptLanguage: request.headers.get("accept-language") });
  const prerendered = servesPrerendered(request, hasSession, locale, override);
  if (prerendered) return prerendered;
  // The prerendered pages answer only through the rewrite above.
  if (pathname === PRERENDERED_PREFIX || pathname.startsWith(`${PRERENDERED_PREFIX}/`)) return withHsts(new NextResponse("Not found", { status: 404 }));

  const nonce = btoa(crypto.randomUUID());
  const csp = contentSecurityPolicy({ nonce, hashes: INLINE_SCRIPT_HASHES });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set(PATH_HEADER, `${pathname}${search}`);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set(LOCALE_HEADER, locale);
  requestHeaders.set("content-security-policy", csp);
  for (const [name, value] of Object.entries(override)) requestHeaders.set(name, value);

  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  if (hasSession) response.headers.set("cache-control", "private, no-store");
  return withHsts(response);
}

/**
 * A bare GET of an anonymous page (/login, /register…) by a visitor with no session: the page built
 * at build time in the visitor's language, the same for everyone who reads it, so its scripts are allowed by the hashes the build recorded.
 * A session cookie (a signed-in visitor is sent on; a stale one is found out by the page), a view-as
 * cookie (its banner) or any query (`next`, a notice, a prefilled email) gets the page rendered.
 */
function servesPrerendered(request: NextRequest, hasSession: boolean, locale: Locale, override: Record<string, string>): NextResponse | null {
  const { pathname, searchParams } = request.nextUrl;
  // A form's server action called from the prerendered page (it has passed the door) runs against
  // that page too, so its answer fits the page the browser holds. Its answer is RSC, not HTML.
  const action = request.method === "POST" && request.headers.has("next-action") && Boolean(request.headers.get("accept")?.includes("text/x-component"));
  if (request.method !== "GET" && request.method !== "HEAD" && !action) return null;
  if (hasSession || request.cookies.has(cookieName("impersonator"))) return null;
  // `_rsc` is the router's cache key on a client-side navigation, not something the page reads.
  if ([...searchParams.keys()].some((key) => key !== "_rsc")) return null;
  const page = prerenderedPage(locale, pathname);
  if (!page) return null;
  const url = request.nextUrl.clone();
  url.pathname = `${PRERENDERED_PREFIX}/${locale}${pathname}`;
  const requestHeaders = new Headers(request.headers);
  for (const [name, value] of Object.entries(override)) requestHeaders.set(name, value);
  const response = NextResponse.rewrite(url, { request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", contentSecurityPolicy({ hashes: page.scriptHashes }));
  // An action's answer is for this request only. The page is the same bytes for every visitor without
  // a session who reads its language (its ETag differs per language): the browser may keep them and revalidate (ETag) on each visit, which reaches this proxy
  // with whatever cookie it has by then. Not `public`: a shared cache keyed by URL would hand them to
  // a signed-in visitor, and Next.js replaces a Vary set here with its own.
  response.headers.set("cache-control", action ? "private, no-store" : "private, max-age=0, must-revalidate");
  return withHsts(response);
}

/** Static assets skip the proxy: a browser learns HSTS from the page that loads them. */
function withHsts<T extends Response>(response: T): T {
  const hsts = strictTransportSecurity();
  if (hsts) response.headers.set("strict-transport-security", hsts);
  return response;
}

function isDecodable(pathname: string): boolean {
  try {
    decodeURIComponent(pathname);
    return true;
  } catch {
    return false;
  }
}

// Not the operations endpoints (api/health, api/ready, api/metrics): a probe every few seconds
// needs no CSP nonce or redirect, and must stay cheap.
// Not /login/session: the sign-in form's JSON/303 endpoint renders no HTML (no CSP nonce to
// set), is anonymous-only like /login, and sets its own no-store. Skipping the proxy there saves
// ~1 ms of the sign-in's latency (measured with `npm run bench`).
// Not the JSON API (api/security/…, api/me): no HTML, no redirect (a rule with mechanisms is never
// redirected, see gate()); each route checks the caller's origin, credential and CSRF token itself
// (lib/api/route.ts), and sets no-store.
export const config = {
  matcher: [
    {
      // No exemption for router prefetches: a client can send `next-router-prefetch` on any request,
      // and one that skipped the proxy would skip the server-action door and could bring its own
      // path header, which requireUser() reads to find the page's rule.
      source: "/((?!_next/static|_next/image|favicon.ico|icon.svg|robots.txt|login/session$|api/health$|api/ready$|api/metrics$|api/me$|api/security/).*)",
    },
  ],
};
