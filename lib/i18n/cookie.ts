import { getConfig } from "@/lib/security/config";

/**
 * The visitor's chosen language. Set when a signed-in user's saved preference is known (at sign-in
 * and when it changes on /account), so proxy.ts — which reads no database — can choose the language
 * of every page, the prerendered ones included, from the request alone.
 */
export function localeCookieName(): string {
  return getConfig().secureCookies ? "__Host-gatehouse.locale" : "gatehouse.locale";
}

export const LOCALE_COOKIE_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/** The header proxy.ts sets to the language it chose, read by lib/i18n/request.ts. */
export const LOCALE_HEADER = "x-gatehouse-locale";
