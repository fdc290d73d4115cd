import "server-only";
import { headers } from "next/headers";
import { getConfig } from "@/lib/security/config";
import { LOCALE_HEADER } from "@/lib/i18n/cookie";
import { isLocale, type Locale } from "@/lib/i18n/locales";

/**
 * The language proxy.ts chose for this request, for code that words a failure (form states, JSON
 * answers of the page's own routes). Outside a request (a test calling an action) or on a route the
 * proxy skips, SECURITY_DEFAULT_LOCALE: a failure is always worded, never a thrown error.
 */
export async function pageLocale(): Promise<Locale> {
  try {
    const chosen = (await headers()).get(LOCALE_HEADER);
    if (isLocale(chosen)) return chosen;
  } catch {
    // No request scope: the default below.
  }
  return getConfig().defaultLocale;
}
