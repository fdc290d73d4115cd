// The language of a page is the user's saved choice, else what the browser asks for, else the
// default; a header nobody's browser would send (junk, a huge one, q=0) never chooses, and never throws.
import { describe, expect, it } from "vitest";
import { chooseLocale } from "@/lib/i18n/choose";
import { isLocale, negotiateLocale, textDirection } from "@/lib/i18n/locales";

describe("Accept-Language", () => {
  it.each([
    ["de-DE,de;q=0.9,en;q=0.8", "de"],
    ["fr-CH, fr;q=0.9, en;q=0.8, de;q=0.7, *;q=0.5", "fr"],
    ["en;q=0.5, ar;q=0.9", "ar"],
    ["ES", "es"],
    ["ja, de;q=0.1", "de"],
    ["de;q=0, fr;q=0.2", "fr"],
  ])("%s → %s", (header, expected) => {
    expect(negotiateLocale(header)).toBe(expected);
  });

  it.each([["ja, zh"], ["*"], [""], [";;;,,,q="], ["de;q=0"], ["x".repeat(100_000)], ["\u0000\uFFFF"]])("%j chooses nothing", (header) => {
    expect(negotiateLocale(header)).toBeNull();
  });

  it("keeps the first of equal weights", () => {
    expect(negotiateLocale("es;q=0.8, de;q=0.8")).toBe("es");
  });
});

describe("the language of a request", () => {
  it("is the saved choice first", () => {
    expect(chooseLocale({ cookie: "ar", acceptLanguage: "de" })).toBe("ar");
  });

  it("ignores a cookie that is no language Gatehouse ships", () => {
    expect(chooseLocale({ cookie: "xx", acceptLanguage: "de" })).toBe("de");
    expect(chooseLocale({ cookie: "__proto__", acceptLanguage: null })).toBe("en");
  });

  it("falls back to SECURITY_DEFAULT_LOCALE", () => {
    expect(chooseLocale({ cookie: null, acceptLanguage: "ja" })).toBe("en");
  });
});

describe("direction", () => {
  it("is right to left for Arabic only", () => {
    expect(textDirection("ar")).toBe("rtl");
    expect(["en", "de", "fr", "es"].filter((l) => isLocale(l) && textDirection(l) !== "ltr")).toEqual([]);
  });
});

describe("a template filled in the browser (lib/i18n/fill.ts)", () => {
  it("fills {name} placeholders, keeps a missing one, and splits around one for drawing it apart", async () => {
    const { aroundPlaceholder, fillWords } = await import("@/lib/i18n/fill");
    expect(fillWords("Added {date} · {kind}", { date: "3 Dez." })).toBe("Added 3 Dez. · {kind}");
    expect(aroundPlaceholder("Wir haben einen Code an {destination} gesendet.", "destination")).toEqual(["Wir haben einen Code an ", " gesendet."]);
    expect(aroundPlaceholder("No placeholder", "destination")).toEqual(["No placeholder", ""]);
  });
});
