import "server-only";
import { getConfig } from "@/lib/security/config";
import type { Locale } from "@/lib/i18n/locales";
import { localeOfThisRequest } from "@/lib/i18n/request-locale";

/**
 * The language of this request, for code that words a failure (form states, JSON answers of the
 * page's own routes) or records the language an account registered in. Outside a request (a test
 * calling an action), SECURITY_DEFAULT_LOCALE: a failure is always worded, never a thrown error.
 */
export async function pageLocale(): Promise<Locale> {
  try {
    return await localeOfThisRequest();
  } catch {
    // No request scope: the default below.
    return getConfig().defaultLocale;
  }
}
