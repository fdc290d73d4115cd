// Threat: a time shown in the wrong zone or said wrongly ("in 3 minutes" for the past, "60 minutes
// ago"), or a junk "time zone" from the browser accepted and stored, then used to render every page.
import { describe, expect, it } from "vitest";
import { validTimeZone } from "@/lib/security/core/time-zone";
import { formatDateTime } from "@/lib/view/format";
import { dayKey, dayLabel, formatDateTimeIn, relativeTime, zoneOrUtc } from "@/lib/view/time";

const NOW = new Date("2026-12-02T16:00:00Z");
const ago = (seconds: number) => new Date(NOW.getTime() - seconds * 1000);

describe("relativeTime", () => {
  it.each([
    [0, "just now"],
    [44, "just now"],
    [-30, "just now"],
    [60, "1 minute ago"],
    [150, "2 minutes ago"],
    [3_599, "59 minutes ago"],
    [3_600, "1 hour ago"],
    [5 * 3_600, "5 hours ago"],
    [86_400, "yesterday"],
    [3 * 86_400, "3 days ago"],
    [14 * 86_400, "2 weeks ago"],
    [60 * 86_400, "2 months ago"],
    [800 * 86_400, "2 years ago"],
  ])("%i seconds ago → %s", (seconds, words) => {
    expect(relativeTime(ago(seconds), NOW)).toBe(words);
  });
});

describe("time zones", () => {
  it("accepts IANA names this runtime knows, as given", () => {
    expect(validTimeZone("Europe/Paris")).toBe("Europe/Paris");
    expect(validTimeZone("America/Argentina/Buenos_Aires")).toBe("America/Argentina/Buenos_Aires");
    expect(validTimeZone("UTC")).toBe("UTC");
    // As given, so the browser finds the same name stored next time.
    expect(validTimeZone("Asia/Calcutta")).toBe("Asia/Calcutta");
  });

  it.each([["Mars/Olympus_Mons"], ["+01:00"], ["Europe/Paris; drop table users"], [""], ["a".repeat(65)], ["Europe/Paris\u0000"], [42], [null], [["UTC"]]])(
    "refuses %j",
    (zone) => {
      expect(validTimeZone(zone)).toBeNull();
    },
  );

  it("formats in the stored zone and names it; none or a stale one is UTC", () => {
    const at = new Date("2026-07-01T12:30:00Z");
    expect(formatDateTimeIn(at, "Europe/Paris")).toBe("Jul 1, 2026, 2:30 PM (Europe/Paris)");
    expect(formatDateTimeIn(at, "America/New_York")).toBe("Jul 1, 2026, 8:30 AM (America/New_York)");
    expect(formatDateTime(at)).toBe("Jul 1, 2026, 12:30 PM UTC");
    expect(formatDateTime(at, null)).toBe("Jul 1, 2026, 12:30 PM UTC");
    expect(zoneOrUtc("Atlantis/Capital")).toBe("UTC");
  });

  it("a day is the viewer's calendar day", () => {
    const lateEvening = new Date("2026-12-01T23:30:00Z");
    expect(dayKey(lateEvening, "UTC")).toBe("2026-12-01");
    expect(dayKey(lateEvening, "Europe/Paris")).toBe("2026-12-02");
    expect(dayKey(lateEvening, "America/Los_Angeles")).toBe("2026-12-01");
  });
});

// Threat: a German or Arabic page showing English times, or "Today" only ever in English.
describe("times in the page's language", () => {
  it("formats dates, times and relative times with Intl in the locale", () => {
    const at = new Date("2026-07-01T12:30:00Z");
    expect(formatDateTimeIn(at, "Europe/Berlin", "de")).toBe("01.07.2026, 14:30 (Europe/Berlin)");
    expect(formatDateTimeIn(at, "Europe/Berlin", "en")).toBe("Jul 1, 2026, 2:30 PM (Europe/Berlin)");
    expect(relativeTime(ago(150), NOW, "de")).toBe("vor 2 Minuten");
    expect(relativeTime(ago(0), NOW, "fr")).toBe("maintenant");
    expect(relativeTime(ago(86_400), NOW, "es")).toBe("ayer");
  });

  it("names today and yesterday in the locale, capitalised as a heading", () => {
    expect(dayLabel("2026-12-02", NOW, "UTC", "de")).toBe("Heute");
    expect(dayLabel("2026-12-01", NOW, "UTC", "fr")).toBe("Hier");
    expect(dayLabel("2026-12-02", NOW, "UTC", "ar")).toBe("اليوم");
    expect(dayLabel("2026-11-30", NOW, "UTC")).toBe("Monday, 30 November 2026");
    expect(dayLabel("2026-11-30", NOW, "UTC", "de")).toBe("Montag, 30. November 2026");
  });
});
