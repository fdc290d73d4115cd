import { cookies, headers } from "next/headers";
import { chooseLocale } from "./choose";
import { LOCALE_HEADER, localeCookieName } from "./cookie";
import { isLocale, type Locale } from "./locales";

/**
 * The language of the request being rendered: the one proxy.ts chose, or — for the routes the proxy
 * skips — chosen the same way from the request itself. In a prerendered page there is no request
 * (headers are empty), so this is SECURITY_DEFAULT_LOCALE; the page names its own instead.
 */
export async function localeOfThisRequest(): Promise<Locale> {
  const requestHeaders = await headers();
  const chosen = requestHeaders.get(LOCALE_HEADER);
  if (isLocale(chosen)) return chosen;
  return chooseLocale({ cookie: (await cookies()).get(localeCookieName())?.value, acceptLanguage: requestHeaders.get("accept-language") });
}
