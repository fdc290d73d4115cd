import type { Locale } from "@/lib/i18n/locales";

const UNIT = /^(\d+) (day|hour|minute|second)s?$/;

/**
 * A link's or code's lifetime in the reader's language. Payloads carry it as the flows humanize it
 * ("2 days", "1 hour and 30 minutes": lib/security/config/duration.ts), queued mail included, so it
 * is rewritten here with Intl rather than changed at the source; anything else is kept as it is.
 */
export function localizeDuration(text: string, locale: Locale): string {
  if (locale === "en") return text;
  const parts = text.split(" and ").map((part) => UNIT.exec(part));
  if (parts.some((match) => !match)) return text;
  const words = parts.map((match) => new Intl.NumberFormat(locale, { style: "unit", unit: match![2]!, unitDisplay: "long" }).format(Number(match![1])));
  return new Intl.ListFormat(locale, { style: "long", type: "conjunction" }).format(words);
}
