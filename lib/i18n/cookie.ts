import { cookies } from "next/headers";
import { getConfig } from "@/lib/security/config";
import type { Locale } from "./locales";

/**
 * The visitor's chosen language. Set when a signed-in user's saved preference is known (at sign-in
 * and when it changes on /account), so proxy.ts — which reads no database — can choose the language
 * of every page, the prerendered ones included, from the request alone.
 */
export function localeCookieName(): string {
  return getConfig().secureCookies ? "__Host-gatehouse.locale" : "gatehouse.locale";
}

const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** A preference, not a credential: lax and long-lived, httpOnly because no script needs it. */
export async function setLocaleCookie(locale: Locale): Promise<void> {
  (await cookies()).set(localeCookieName(), locale, {
    httpOnly: true,
    sameSite: "lax",
    path: "/",
    secure: getConfig().secureCookies,
    maxAge: LOCALE_COOKIE_MAX_AGE_SECONDS,
  });
}

/** The header proxy.ts sets to the language it chose, read by lib/i18n/request.ts. */
export const LOCALE_HEADER = "x-gatehouse-locale";
