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

/** Where to go after signing in: a safe `next`, else the configured post-login view. */
export function postLoginRedirect(next: unknown): string {
  return safeRedirectPath(next) ?? getConfig().views.postLogin;
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
