/**
 * Security headers. The CSP is set by proxy.ts so scripts are allowed by nonce or hash, never by
 * 'unsafe-inline': a page rendered per request gets a fresh nonce, a prerendered page the hashes
 * of the scripts its build wrote (decision 067). HSTS is decided per instance (proxy.ts); the
 * static headers are in next.config.mjs.
 */
import { getConfig } from "../config";
import { redirectHostSources } from "./redirects";

/** Two years: what the browsers' HSTS preload list recommends (it requires at least one). */
const HSTS_MAX_AGE = 63_072_000;

/**
 * Strict-Transport-Security when this instance runs in production on an https APP_URL, else null.
 * Decided from the running configuration, not at build time: one build can serve an http
 * staging host and an https production host.
 */
export function strictTransportSecurity(): string | null {
  return getConfig().hsts ? `max-age=${HSTS_MAX_AGE}; includeSubDomains` : null;
}

/**
 * An answer's headers with HSTS added when it is on: for the responses the proxy does not see
 * (the JSON API, the sign-in form's endpoint), which answer sign-ins and must pin https as well.
 */
export function withStrictTransportSecurity(init?: HeadersInit): Headers {
  const headers = new Headers(init);
  const hsts = strictTransportSecurity();
  if (hsts) headers.set("strict-transport-security", hsts);
  return headers;
}

/**
 * Which scripts a page may run: a rendered page's nonce plus the hashes of the fixed inline scripts
 * every page carries, or a prerendered page's hashes (its inline scripts, and its script files,
 * which carry `integrity`). Either way 'strict-dynamic': only those, and what they load, run.
 */
export type ScriptSources = { nonce: string; hashes: readonly string[] } | { nonce?: undefined; hashes: readonly string[] };

export function contentSecurityPolicy(scripts: ScriptSources): string {
  const dev = process.env.NODE_ENV !== "production";
  const https = getConfig().secureCookies;
  const allowed = [...(scripts.nonce ? [`'nonce-${scripts.nonce}'`] : []), ...scripts.hashes].join(" ");
  return [
    "default-src 'self'",
    // Next.js hydration scripts carry the nonce or are listed by hash; 'strict-dynamic' lets them load chunks.
    `script-src 'self' ${allowed} 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    // Next and Tailwind inject <style> tags; inline styles cannot run script.
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    `connect-src 'self'${dev ? " ws:" : ""}`,
    "frame-ancestors 'none'",
    // The sign-in providers' buttons post to us and are redirected to the provider (a form's redirects count),
    // and a sign-in may end on a subdomain `next` names (SECURITY_REDIRECT_ALLOW_SUBDOMAINS).
    ["form-action 'self'", ...new Set(getConfig().oauth.providers.map((p) => p.authorizationOrigin)), ...redirectHostSources()].join(" "),
    "base-uri 'self'",
    "object-src 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
