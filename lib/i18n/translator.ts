import { createTranslator, type NamespaceKeys, type NestedKeyOf } from "next-intl";
import { getConfig } from "@/lib/security/config";
import { CATALOGUES, type Messages } from "./catalogues";
import { isLocale, type Locale } from "./locales";

/** A stored language (users.locale, outbox.locale), or SECURITY_DEFAULT_LOCALE when none is valid. */
export function localeOrDefault(value: string | null | undefined): Locale {
  return isLocale(value) ? value : getConfig().defaultLocale;
}

/**
 * A translator outside a page's request: emails rendered by the outbox worker, SMS texts, the JSON
 * API. The language is the recipient's (or the API request's), never an ambient one.
 */
export function translatorFor<N extends NamespaceKeys<Messages, NestedKeyOf<Messages>>>(locale: Locale, namespace: N) {
  return createTranslator({ locale, messages: CATALOGUES[locale] as Messages, namespace, timeZone: "UTC" });
}
