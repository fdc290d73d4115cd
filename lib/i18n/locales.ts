/**
 * The languages Gatehouse ships, and how a request's language is chosen (issue: every page in the
 * user's language). Plain data and pure functions, so proxy.ts, templates and client code share them.
 * Adding a language: its catalogue in messages/<code>.json (the catalogue test lists what is missing),
 * then its code here.
 */
export const LOCALES = ["en", "de", "fr", "es", "ar"] as const;
export type Locale = (typeof LOCALES)[number];

/** Each language in its own words, for the picker on /account. */
export const LOCALE_NAMES: Readonly<Record<Locale, string>> = { en: "English", de: "Deutsch", fr: "Français", es: "Español", ar: "العربية" };

const RIGHT_TO_LEFT: ReadonlySet<Locale> = new Set(["ar"]);

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/** The `dir` of a page in this language. */
export function textDirection(locale: Locale): "ltr" | "rtl" {
  return RIGHT_TO_LEFT.has(locale) ? "rtl" : "ltr";
}

// A header longer than this is not a browser's: read no further than a browser would send.
const MAX_ACCEPT_LANGUAGE = 512;

/**
 * The best supported language of an Accept-Language header (RFC 9110 §12.5.4): by weight, then by
 * order; "de-CH" matches "de"; "*" and q=0 never choose. Null when nothing matches.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .slice(0, MAX_ACCEPT_LANGUAGE)
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q\s*=\s*([01](?:\.\d{0,3})?)\s*$/i.exec(p)?.[1]).find((v) => v !== undefined);
      return { language: tag.trim().toLowerCase().split("-")[0] ?? "", weight: q === undefined ? 1 : Number(q), index };
    })
    .filter((range) => range.weight > 0 && isLocale(range.language))
    .sort((a, b) => b.weight - a.weight || a.index - b.index);
  return (ranges[0]?.language as Locale | undefined) ?? null;
}
