import { getConfig } from "../config";

/**
 * The session cookie's name and flags, shared by the issuer (next-auth writes it) and every
 * reader (getSession, proxy.ts). `__Host-` binds it to this exact origin on HTTPS.
 */
export function sessionCookieName(): string {
  return getConfig().secureCookies ? "__Host-gatehouse.session" : "gatehouse.session";
}

export function sessionCookieOptions(): { httpOnly: true; sameSite: "lax"; path: "/"; secure: boolean } {
  return { httpOnly: true, sameSite: "lax", path: "/", secure: getConfig().secureCookies };
}
