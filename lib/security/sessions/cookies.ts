import "server-only";
import { cookies } from "next/headers";
import { getConfig } from "../config";
import { randomToken } from "../core/crypto";
import { knownDeviceCookieName } from "../core/request-context";

/**
 * Gatehouse's cookies, their names and flags in one place: the session, the pending
 * (half-finished) sign-in, the remembered device, the browser binding of emailed sign-in links,
 * and the anonymous browser's CSRF value for the JSON API. On HTTPS each is `__Host-`, which binds it to this exact origin.
 */
export function cookieName(name: "session" | "pending" | "device" | "magic" | "csrf" | "impersonator" | "oauth" | "oauth-intent"): string {
  return getConfig().secureCookies ? `__Host-gatehouse.${name}` : `gatehouse.${name}`;
}

/** The session cookie's name, shared by the issuer (next-auth writes it) and every reader (getSession, proxy.ts). */
export function sessionCookieName(): string {
  return cookieName("session");
}

export function sessionCookieOptions(): { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean } {
  return { httpOnly: true, sameSite: "lax", path: "/", secure: getConfig().secureCookies };
}

export async function setPendingLoginCookie(token: string, expiresAt: Date): Promise<void> {
  (await cookies()).set(cookieName("pending"), token, { ...sessionCookieOptions(), expires: expiresAt });
}

export async function pendingLoginToken(): Promise<string | undefined> {
  return (await cookies()).get(cookieName("pending"))?.value;
}

export async function clearPendingLoginCookie(): Promise<void> {
  (await cookies()).set(cookieName("pending"), "", { ...sessionCookieOptions(), maxAge: 0 });
}

/** The remembered-device value this browser sent (checked by the second-factor decision). */
export async function rememberedDeviceCookie(): Promise<string | undefined> {
  return (await cookies()).get(cookieName("device"))?.value;
}

export async function setRememberedDeviceCookie(value: string, expires: Date): Promise<void> {
  // SameSite=Strict: it only ever matters on our own sign-in form.
  (await cookies()).set(cookieName("device"), value, { ...sessionCookieOptions(), sameSite: "strict", expires });
}

/** Browsers cap a cookie's lifetime at 400 days (RFC 6265bis); each sign-in renews it. */
const KNOWN_DEVICE_COOKIE_SECONDS = 400 * 86_400;

/**
 * The known-device cookie (decision 038): set with every session so a later sign-in of any
 * account from this browser is recognised. Lax, like the session: a sign-in link opened from a
 * mail client is a top-level navigation and must send it.
 */
export async function setKnownDeviceCookie(value: string): Promise<void> {
  (await cookies()).set(knownDeviceCookieName(), value, { ...sessionCookieOptions(), maxAge: KNOWN_DEVICE_COOKIE_SECONDS });
}

/**
 * This browser's random value for binding sign-in links: read, or created and set on first
 * use (kept for the link's lifetime). Null when links are not bound
 * (SECURITY_MAGIC_LINK_SAME_BROWSER=false).
 */
export async function getOrSetMagicLinkBrowserNonce(): Promise<string | null> {
  const config = getConfig();
  if (!config.magicLink.sameBrowser) return null;
  const jar = await cookies();
  const existing = jar.get(cookieName("magic"))?.value;
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  const nonce = randomToken();
  jar.set(cookieName("magic"), nonce, { ...sessionCookieOptions(), maxAge: Math.max(config.magicLink.within, config.unified.codeValidity) });
  return nonce;
}

function csrfCookieOptions(): { httpOnly: false; sameSite: "strict"; path: "/"; secure: boolean } {
  return { httpOnly: false, sameSite: "strict", path: "/", secure: getConfig().secureCookies };
}

/**
 * The readable CSRF cookie (SECURITY_CSRF_COOKIE_NAME), when configured: the csrf_token of the
 * latest JSON answer, not HttpOnly on purpose (a script copies it into the CSRF header). It is no
 * credential by itself — only the same origin can read it, and the check binds it to the session.
 */
export async function setCsrfCookie(csrfToken: string): Promise<void> {
  const name = getConfig().api.csrf.cookieName;
  if (name) (await cookies()).set(name, csrfToken, csrfCookieOptions());
}

export async function clearCsrfCookie(): Promise<void> {
  const name = getConfig().api.csrf.cookieName;
  if (!name) return;
  const jar = await cookies();
  if (jar.get(name)) jar.set(name, "", { ...csrfCookieOptions(), maxAge: 0 });
}

/**
 * An anonymous browser's random value that its JSON API CSRF token is derived from
 * (lib/security/core/csrf.ts): read, or created and set when `create` is asked for.
 */
export async function anonymousCsrfNonce(create: boolean): Promise<string | null> {
  const jar = await cookies();
  const existing = jar.get(cookieName("csrf"))?.value;
  if (existing && /^[A-Za-z0-9_-]{43}$/.test(existing)) return existing;
  if (!create) return null;
  const nonce = randomToken();
  jar.set(cookieName("csrf"), nonce, sessionCookieOptions());
  return nonce;
}

/**
 * The refresh token in cookie mode (SECURITY_REFRESH_TOKEN_COOKIE): HttpOnly so page scripts
 * never see it, SameSite=Strict and the API's path so it travels only to refresh-token and logout.
 */
function refreshCookieOptions(): { httpOnly: true; sameSite: "strict"; path: string; secure: boolean } {
  return { httpOnly: true, sameSite: "strict", path: "/api/security", secure: getConfig().secureCookies };
}

export async function setRefreshTokenCookie(name: string, token: string, expires: Date): Promise<void> {
  (await cookies()).set(name, token, { ...refreshCookieOptions(), expires });
}

export async function refreshTokenCookie(name: string): Promise<string | undefined> {
  return (await cookies()).get(name)?.value;
}

export async function clearRefreshTokenCookie(name: string): Promise<void> {
  (await cookies()).set(name, "", { ...refreshCookieOptions(), maxAge: 0 });
}

/**
 * While an administrator views the app as someone (decision 042): their own session token, kept
 * aside so "Return to my account" can put it back. HttpOnly and Strict: it is a session credential,
 * and it only matters to our own form.
 */
export async function setImpersonatorCookie(token: string, expires: Date): Promise<void> {
  (await cookies()).set(cookieName("impersonator"), token, { ...sessionCookieOptions(), sameSite: "strict", expires });
}

export async function impersonatorCookie(): Promise<string | undefined> {
  return (await cookies()).get(cookieName("impersonator"))?.value;
}

export async function clearImpersonatorCookie(): Promise<void> {
  (await cookies()).set(cookieName("impersonator"), "", { ...sessionCookieOptions(), sameSite: "strict", maxAge: 0 });
}
