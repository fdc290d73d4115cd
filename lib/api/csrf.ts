import "server-only";
import { getConfig } from "@/lib/security/config";
import { csrfTokenFor, csrfTokenMatches, type CsrfBinding } from "@/lib/security/core/csrf";
import { fail, type Failure } from "@/lib/security/core/errors";
import { anonymousCsrfNonce } from "@/lib/security/sessions/cookies";
import type { Principal } from "./guard";

/**
 * CSRF for cookie-authenticated JSON (Flask-Security's CSRF_PROTECT_MECHANISMS, for sessions):
 * an unsafe call riding on the session cookie must echo the csrf_token of an earlier answer in
 * a header (X-CSRF-Token, X-CSRFToken or SECURITY_CSRF_HEADER). Token and Basic calls carry
 * their own credential, which a cross-site page cannot make a browser send, so they are exempt;
 * anonymous calls too unless SECURITY_CSRF_IGNORE_UNAUTH_ENDPOINTS=false. The Origin /
 * Sec-Fetch-Site check (lib/api/route.ts) comes first.
 */
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

function presentedCsrf(headers: Headers): string | null {
  for (const name of getConfig().api.csrf.headers) {
    const value = headers.get(name);
    if (value) return value.trim();
  }
  return null;
}

export async function checkCsrf(request: Request, principal: Principal | null): Promise<Failure | null> {
  if (SAFE_METHODS.has(request.method)) return null;
  let binding: CsrfBinding;
  if (principal?.via === "session") binding = { kind: "session", token: principal.sessionToken };
  else if (principal || getConfig().api.csrf.ignoreUnauthenticated) return null;
  else {
    const nonce = await anonymousCsrfNonce(false);
    if (!nonce) return fail("CSRF_TOKEN_MISSING");
    binding = { kind: "anonymous", nonce };
  }
  const presented = presentedCsrf(request.headers);
  if (!presented) return fail("CSRF_TOKEN_MISSING");
  return csrfTokenMatches(binding, presented) ? null : fail("CSRF_TOKEN_INVALID");
}

/**
 * The csrf_token of an answer. A session's is bound to that session (after a sign-in: the new
 * one); an anonymous browser's to its CSRF cookie (set here when missing); a token caller's to
 * its token (it needs none, but every answer carries one, as Flask-Security's do).
 */
export async function csrfTokenOf(principal: Principal | null, newSessionToken?: string): Promise<string> {
  if (newSessionToken) return csrfTokenFor({ kind: "session", token: newSessionToken });
  if (principal?.via === "session") return csrfTokenFor({ kind: "session", token: principal.sessionToken });
  if (principal?.via === "token") return csrfTokenFor({ kind: "auth-token", token: principal.tokenValue });
  const nonce = await anonymousCsrfNonce(true);
  return csrfTokenFor({ kind: "anonymous", nonce: nonce ?? "" });
}
