import { getConfig } from "@/lib/security/config";
import { isLocale, negotiateLocale, type Locale } from "./locales";

interface LocaleSources {
  /** The language cookie: the user's saved preference. */
  cookie?: string | null;
  acceptLanguage?: string | null;
}

/** The user's saved preference, else what the browser asks for, else SECURITY_DEFAULT_LOCALE. */
export function chooseLocale({ cookie, acceptLanguage }: LocaleSources): Locale {
  if (isLocale(cookie)) return cookie;
  return negotiateLocale(acceptLanguage) ?? getConfig().defaultLocale;
}
