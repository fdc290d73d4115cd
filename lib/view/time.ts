/**
 * Times as a person reads them: in their own time zone (the one their browser reported, stored on
 * the account; decision 066) and their language, with "2 minutes ago" beside the exact time. Pages
 * render on the server, so "now", the zone and the language are arguments, never the server's
 * clock settings or locale. The words are Intl's own (CLDR), so no catalogue entry is needed.
 */
import { dateTimeFormat, formatInstantIn, validTimeZone } from "@/lib/security/core/time-zone";

/** The relative-time formatter of a language, built once per process like core's dateTimeFormat. */
const relativeFormats = new Map<string, Intl.RelativeTimeFormat>();

function relativeFormat(locale: string): Intl.RelativeTimeFormat {
  let format = relativeFormats.get(locale);
  if (!format) relativeFormats.set(locale, (format = new Intl.RelativeTimeFormat(locale, { numeric: "auto" })));
  return format;
}

/** Until the browser has told us its zone, times are shown in UTC and say so. */
export const FALLBACK_TIME_ZONE = "UTC";

/** The zone to show times in: the stored one when it is still valid, else UTC. */
export function zoneOrUtc(zone: string | null | undefined): string {
  return (zone && validTimeZone(zone)) || FALLBACK_TIME_ZONE;
}

/** "Dec 2, 2026, 4:20 PM (Europe/Paris)"; the zone is named so a time is never ambiguous. */
export function formatDateTimeIn(date: Date, zone: string | null | undefined, locale = "en"): string {
  return formatInstantIn(date, zoneOrUtc(zone), locale);
}

/** "4:20 PM" in the zone: an item under its day's heading needs only the time. */
export function formatTimeIn(date: Date, zone: string | null | undefined, locale = "en"): string {
  return dateTimeFormat(locale, { timeStyle: "short", timeZone: zoneOrUtc(zone) }).format(date);
}

/** The calendar day of an instant in a zone, as YYYY-MM-DD (sorts and compares as text). */
export function dayKey(date: Date, zone: string): string {
  // en-CA writes dates as YYYY-MM-DD.
  return dateTimeFormat("en-CA", { year: "numeric", month: "2-digit", day: "2-digit", timeZone: zone }).format(date);
}

/** "Today", "Yesterday", else "Monday, 30 November 2026", for a day key seen from `now` in `zone`. */
export function dayLabel(key: string, now: Date, zone: string, locale = "en"): string {
  const offset = key === dayKey(now, zone) ? 0 : key === dayKey(new Date(now.getTime() - 86_400_000), zone) ? -1 : null;
  if (offset !== null) return capitalise(relativeFormat(locale).format(offset, "day"), locale);
  const [year, month, day] = key.split("-").map(Number) as [number, number, number];
  // Noon UTC of that date names the same calendar day in every zone's format. English reads the
  // day before the month ("Monday, 30 November 2026"), as it always has here.
  return dateTimeFormat(locale === "en" ? "en-GB" : locale, {
    weekday: "long",
    day: "numeric",
    month: "long",
    year: "numeric",
    timeZone: "UTC",
  }).format(new Date(Date.UTC(year, month - 1, day, 12)));
}

/** A heading starts with a capital ("today" → "Today", "heute" → "Heute"); scripts without case are unchanged. */
function capitalise(words: string, locale: string): string {
  return words.charAt(0).toLocaleUpperCase(locale) + words.slice(1);
}

const STEPS: readonly [limitSeconds: number, unit: Intl.RelativeTimeFormatUnit, seconds: number][] = [
  [3_600, "minute", 60],
  [86_400, "hour", 3_600],
  [7 * 86_400, "day", 86_400],
  [30 * 86_400, "week", 7 * 86_400],
  [365 * 86_400, "month", 30 * 86_400],
  [Infinity, "year", 365 * 86_400],
];

// Intl says "now"; English here has always said "just now". Other languages take Intl's word.
const JUST_NOW: Readonly<Record<string, string>> = { en: "just now" };

/** "just now", "2 minutes ago", "yesterday", "3 weeks ago"; a time a little ahead (clock skew) is "just now". */
export function relativeTime(date: Date, now: Date, locale = "en"): string {
  const relative = relativeFormat(locale);
  const seconds = Math.round((now.getTime() - date.getTime()) / 1000);
  if (seconds < 45) return JUST_NOW[locale] ?? relative.format(0, "second");
  for (const [limit, unit, size] of STEPS) {
    if (seconds < limit) return relative.format(-Math.max(1, Math.floor(seconds / size)), unit);
  }
  return relative.format(-Math.floor(seconds / 31_536_000), "year");
}
