import { getConfig } from "../config";

/** Longer `next` values are refused: no legitimate in-app path needs more. */
const NEXT_MAX_LENGTH = 2048;

/**
 * Returns `next` as a same-origin path ("/a/b?c#d"), or null when it is absent or unsafe.
 * Refuses every trick Flask-Security's documentation lists: absolute and scheme-relative URLs ("//evil",
 * "/\\evil", "/%5Cevil", "/%2F%2Fevil"), other schemes ("javascript:"), control characters and
 * anything that, once resolved against the app's origin, lands elsewhere.
 */
export function safeRedirectPath(next: unknown): string | null {
  // The parser normalises (dot segments, encodings); a result that would not pass again is
  // refused, so safe(safe(x)) === safe(x) by construction.
  const once = checkPath(next);
  return once !== null && checkPath(once) === once ? once : null;
}

function checkPath(next: unknown): string | null {
  if (typeof next !== "string" || next.length === 0 || next.length > NEXT_MAX_LENGTH) return null;
  if (/[\u0000-\u001f\u007f\\]/.test(next)) return null;
  if (!next.startsWith("/") || next.startsWith("//")) return null;
  let decoded = next;
  try {
    // Decode repeatedly: "%252F" must not become "//" in a later hop.
    for (let i = 0; i < 3 && decoded.includes("%"); i++) decoded = decodeURIComponent(decoded);
  } catch {
    return null;
  }
  if (/^\/[/\\]|[\u0000-\u001f\u007f\\]/.test(decoded)) return null;
  const origin = new URL(getConfig().appUrl).origin;
  let url: URL;
  try {
    url = new URL(next, origin);
  } catch {
    return null;
  }
  if (url.origin !== origin) return null;
  // Dot segments are resolved by the URL parser *after* the checks above: "/.//evil.com",
  // "/%2e//evil.com" and "/a/..//evil.com" all come out as "//evil.com", which a browser reads
  // as another host. The result must itself pass, so safe(safe(x)) === safe(x).
  const path = `${url.pathname}${url.search}${url.hash}`;
  if (/^\/[/\\]/.test(path)) return null;
  return path;
}

/**
 * `next` as somewhere to send the browser: a same-origin path (safeRedirectPath), or, with
 * SECURITY_REDIRECT_ALLOW_SUBDOMAINS, an absolute URL on an allowed subdomain of the base domain
 * (decision 047); null for anything else.
 */
export function safeRedirectTarget(next: unknown): string | null {
  return safeRedirectPath(next) ?? otherHostTarget(next);
}

function otherHostTarget(next: unknown): string | null {
  const rule = getConfig().redirects.subdomains;
  if (!rule || typeof next !== "string" || next.length > NEXT_MAX_LENGTH) return null;
  // Only a plain absolute URL as a person would write it: no space, control character or
  // backslash anywhere (browsers read "\\" as "/"), no userinfo and no percent sign in the authority
  // ("https://ours.example.com@evil.example", "https://evil%2eexample").
  if (/[\u0000-\u0020\u007f\\]/.test(next)) return null;
  const authority = /^https?:\/\/([^/?#]*)/i.exec(next)?.[1];
  if (authority === undefined || /[@%]/.test(authority)) return null;
  let url: URL;
  try {
    url = new URL(next);
  } catch {
    return null;
  }
  if (rule.httpsOnly && url.protocol !== "https:") return null;
  // The host as written must be the host as parsed: the parser turns Unicode look-alikes into
  // punycode, full-width dots into dots, "0x7f.1" into an IPv4 address and drops a trailing dot;
  // any such rewrite means the text a reviewer reads is not where the browser goes.
  if (authority.toLowerCase().replace(/:\d{1,5}$/, "") !== url.hostname) return null;
  return hostAllowed(url.hostname, rule) ? url.href : null;
}

function hostAllowed(host: string, rule: { baseDomain: string; allowed: readonly string[] }): boolean {
  if (host === rule.baseDomain) return rule.allowed.length === 0 || rule.allowed.includes(".");
  if (!host.endsWith(`.${rule.baseDomain}`)) return false;
  return rule.allowed.length === 0 || rule.allowed.includes(host.slice(0, -rule.baseDomain.length - 1));
}

/** The CSP host sources of the hosts `next` may name (a form's redirects count for form-action). */
export function redirectHostSources(): string[] {
  const rule = getConfig().redirects.subdomains;
  if (!rule) return [];
  const hosts =
    rule.allowed.length === 0 ? [rule.baseDomain, `*.${rule.baseDomain}`] : rule.allowed.map((s) => (s === "." ? rule.baseDomain : `${s}.${rule.baseDomain}`));
  return hosts.map((h) => `${h}:*`);
}

/** Where to go after signing in: a safe `next`, else the configured post-login view. */
export function postLoginRedirect(next: unknown): string {
  return safeRedirectTarget(next) ?? getConfig().views.postLogin;
}

/** A configured view with a notice (or other parameters) added to whatever query it already has. */
export function viewWith(view: string, params: Record<string, string>): string {
  const query = new URLSearchParams(params).toString();
  return query ? `${view}${view.includes("?") ? "&" : "?"}${query}` : view;
}

/**
 * SECURITY_REQUIRES_CONFIRMATION_ERROR_VIEW: where a sign-in refused for an unconfirmed address
 * goes, with the typed address as `?email=` (the /confirm page prefills it); null when unset.
 * CONFIRMATION_REQUIRED only comes after the password was right, so the address tells nothing new.
 */
export function requiresConfirmationRedirect(identity: unknown): string | null {
  const view = getConfig().views.requiresConfirmationError;
  if (!view) return null;
  const email = typeof identity === "string" && identity.includes("@") && identity.length <= 254 ? identity.trim() : null;
  return viewWith(view, email ? { email } : {});
}

/** Where to go after signing out: `next` when it is a path of this site (never another host), else SECURITY_POST_LOGOUT_VIEW. */
export function postLogoutRedirect(next: unknown): string {
  return safeRedirectPath(next) ?? viewWith(getConfig().views.postLogout, { notice: "LOGGED_OUT" });
}

/** A login URL that brings the user back to `path` afterwards. */
export function loginUrlFor(path: string | null): string {
  const next = safeRedirectPath(path);
  return next && next !== "/" ? `/login?next=${encodeURIComponent(next)}` : "/login";
}

/** A view of the single-page app (SECURITY_REDIRECT_BEHAVIOR=spa). */
export type SpaView = keyof ReturnType<typeof getConfig>["api"]["spa"]["views"];

/** A single-page app view's URL with its parameters, on SECURITY_REDIRECT_HOST when set. */
export function spaUrl(view: SpaView, params: Record<string, string>): string {
  const { appUrl, api } = getConfig();
  const url = new URL(api.spa.views[view], appUrl);
  if (api.spa.host) url.host = api.spa.host;
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}
