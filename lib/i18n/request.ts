import type { IntlError } from "next-intl";
import { getRequestConfig } from "next-intl/server";
import { CATALOGUES } from "./catalogues";
import { isLocale } from "./locales";
import { localeOfThisRequest } from "./request-locale";

/**
 * next-intl's per-request configuration (next.config.mjs points its plugin here). A prerendered page
 * names its language (app/(anonymous)/prerendered/[locale], setRequestLocale); a rendered page, action
 * or route handler takes the one proxy.ts chose, or — for the routes the proxy skips — chooses it
 * the same way from the request itself.
 * next-intl caches this per render, keyed by the locale a caller names: so whatever renders in a
 * prerendered page before its [locale] layout has called setRequestLocale — the status boundaries
 * Next puts into every page's payload, and the header they draw — names its language itself
 * (`getTranslations({ locale, namespace })`), or it would fix the whole page's language to the default.
 */
export default getRequestConfig(async ({ requestLocale }) => {
  const named = await requestLocale;
  const locale = isLocale(named) ? named : await localeOfThisRequest();
  // Times on pages are written by lib/view/time.ts in the user's own zone; next-intl's default zone
  // only keeps its formatter from warning, and from differing between the server and a browser.
  return { locale, messages: CATALOGUES[locale], timeZone: "UTC", onError: reportMissing, getMessageFallback: englishOrKey };
});

/**
 * A message a catalogue lacks (the catalogue test keeps this from reaching main) reads in English
 * rather than as its key, and is logged once per process with its key, so it can be added.
 */
const reported = new Set<string>();
function reportMissing(error: IntlError): void {
  if (reported.has(error.message)) return;
  reported.add(error.message);
  console.error(`[gatehouse] i18n: ${error.message}`);
}

function englishOrKey({ namespace, key }: { namespace?: string; key: string }): string {
  const path = namespace ? `${namespace}.${key}` : key;
  const english = path
    .split(".")
    .reduce<unknown>((node, part) => (node && typeof node === "object" ? (node as Record<string, unknown>)[part] : undefined), CATALOGUES.en);
  return typeof english === "string" ? english : path;
}
