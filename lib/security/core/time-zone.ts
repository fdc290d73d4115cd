/**
 * What counts as a time zone the account may store (users.time_zone, decision 066): an IANA name
 * this runtime knows. The browser reports it, so it is untrusted input like any other field. No
 * server-only import: the view layer asks the same question of a stored value.
 */

// The longest IANA name is 32 characters ("America/Argentina/ComodRivadavia"); the bound keeps junk out of the column.
const MAX_TIME_ZONE_LENGTH = 64;
// Area/Location names, "UTC", "Etc/GMT+5": no raw offsets ("+01:00") or abbreviations' look-alikes with spaces.
const IANA_NAME = /^[A-Za-z][A-Za-z0-9_+-]*(?:\/[A-Za-z0-9_+-]+){0,2}$/;

/**
 * The zone as it was given, when this runtime knows it; else null. Not rewritten to ICU's
 * canonical name ("America/Argentina/Buenos_Aires" → "America/Buenos_Aires"): the browser compares
 * what it reports with what is stored, and a rewritten name would differ on every visit.
 */
export function validTimeZone(zone: unknown): string | null {
  if (typeof zone !== "string" || zone.length === 0 || zone.length > MAX_TIME_ZONE_LENGTH || !IANA_NAME.test(zone)) return null;
  if (KNOWN_ZONES.has(zone)) return zone;
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    return null;
  }
  // Building a formatter is the slow part (about 0.1 ms; a page asks for every time it shows). Only
  // names the runtime knows are kept, so the set is bounded by its zone list, whatever is sent.
  if (KNOWN_ZONES.size < MAX_KNOWN_ZONES) KNOWN_ZONES.add(zone);
  return zone;
}

// ICU knows about 600 canonical names and as many aliases; the bound is a backstop, not a limit.
const MAX_KNOWN_ZONES = 2_000;
const KNOWN_ZONES = new Set<string>(["UTC"]);

const formats = new Map<string, Intl.DateTimeFormat>();

/**
 * The one `Intl.DateTimeFormat` for a language and options, built once per process: building one
 * is the slow part of formatting (about 0.1 ms; a page asks for several). Immutable, so a cache,
 * not state. Callers pass a language of the catalogue, a zone validTimeZone accepted and fixed
 * options, so the map stays small.
 */
export function dateTimeFormat(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale} ${JSON.stringify(options)}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.DateTimeFormat(locale, options)));
  return format;
}

/**
 * "Dec 2, 2026, 4:20 PM (Europe/Paris)" in the zone when it is valid, else "Dec 2, 2026, 3:20 PM
 * UTC": the zone is always named, so a time read in an email or on a page is never ambiguous.
 * Pages (lib/view/time.ts) and emails (the notices' "When:") say times this one way, in the
 * reader's language (`locale`, a BCP 47 tag; English by default).
 */
export function formatInstantIn(date: Date, zone: string | null | undefined, locale = "en"): string {
  const valid = (zone && validTimeZone(zone)) || "UTC";
  const format = dateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone: valid });
  return `${format.format(date)} ${valid === "UTC" ? "UTC" : `(${valid})`}`;
}
