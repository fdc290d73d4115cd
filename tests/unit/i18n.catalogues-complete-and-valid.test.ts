import { describe, expect, it } from "vitest";
import { parse, TYPE, type MessageFormatElement } from "@formatjs/icu-messageformat-parser";
import { CATALOGUES } from "@/lib/i18n/catalogues";
import { LOCALES } from "@/lib/i18n/locales";
import { AUTHN_METHODS } from "@/lib/security/core/authn-methods";
import { flatten } from "./support/catalogue";

// Words every language writes the same: names, abbreviations kept in English by convention, and
// words a language shares with English ("Sessions" in French, "Roles" in Spanish).
const SAME_IN_EVERY_LANGUAGE = new Set([
  "Passkeys",
  "Sessions",
  "Roles",
  "GitHub",
  "Google",
  "OK",
  "ID",
  "SMS",
  "IP",
  "Email",
  "Passkey",
  "Gatehouse",
  "{provider}",
  "{name}",
  "{count}",
  "{email}",
  // Spanish shares "No" with English (the user list's yes/no filters).
  "No",
]);

/**
 * Every argument a message names. A translation may choose a plural where English writes the number
 * plainly (Arabic has six plural forms), so the names are compared, not the kinds.
 */
function argumentsOf(elements: MessageFormatElement[], into = new Set<string>()): Set<string> {
  for (const element of elements) {
    if (element.type === TYPE.argument || element.type === TYPE.number || element.type === TYPE.date || element.type === TYPE.time) into.add(element.value);
    if (element.type === TYPE.plural || element.type === TYPE.select) {
      into.add(element.value);
      for (const option of Object.values(element.options)) argumentsOf(option.value, into);
    }
    if (element.type === TYPE.tag) {
      into.add(`<${element.value}>`);
      argumentsOf(element.children, into);
    }
  }
  return into;
}

const english = flatten(CATALOGUES.en);

describe("the catalogues", () => {
  it("English has messages", () => {
    expect(english.size).toBeGreaterThan(0);
  });

  it("names every stored way of signing in but the re-verification marker (the activity list shows them)", () => {
    const named = AUTHN_METHODS.filter((method) => english.has(`twoFactor.via.${method}`));
    expect(named).toEqual(AUTHN_METHODS.filter((method) => method !== "verify"));
  });

  for (const locale of LOCALES) {
    describe(locale, () => {
      const messages = flatten(CATALOGUES[locale]);

      it("has exactly the keys of the English catalogue", () => {
        expect(
          [...english.keys()].filter((key) => !messages.has(key)),
          "missing",
        ).toEqual([]);
        expect(
          [...messages.keys()].filter((key) => !english.has(key)),
          "unknown to English",
        ).toEqual([]);
      });

      it("writes every message in valid ICU with the arguments English names", () => {
        const wrong: string[] = [];
        for (const [key, text] of messages) {
          let elements: MessageFormatElement[];
          try {
            elements = parse(text, { requiresOtherClause: true });
          } catch (error) {
            wrong.push(`${key}: ${(error as Error).message}`);
            continue;
          }
          const source = english.get(key);
          if (source === undefined) continue;
          const expected = [...argumentsOf(parse(source))].sort();
          const actual = [...argumentsOf(elements)].sort();
          if (expected.join() !== actual.join()) wrong.push(`${key}: ${actual.join() || "no arguments"} instead of ${expected.join() || "none"}`);
        }
        expect(wrong).toEqual([]);
      });

      it("leaves no message empty or padded with spaces", () => {
        expect([...messages].filter(([, text]) => text.trim() === "" || text !== text.trim()).map(([key]) => key)).toEqual([]);
      });

      if (locale !== "en") {
        it("translates every message (nothing left in English but names)", () => {
          const untranslated = [...messages].filter(
            ([key, text]) => text === english.get(key) && !SAME_IN_EVERY_LANGUAGE.has(text) && /[A-Za-z]{3,}/.test(text),
          );
          expect(untranslated.map(([key, text]) => `${key}: ${text}`)).toEqual([]);
        });
      }

      if (locale === "ar") {
        it("writes Arabic in Arabic script", () => {
          const latinOnly = [...messages].filter(
            ([, text]) => /[A-Za-z]{3,}/.test(text.replace(/\{[^}]*\}/g, "")) && !/[\u0600-\u06FF]/.test(text) && !SAME_IN_EVERY_LANGUAGE.has(text),
          );
          expect(latinOnly.map(([key]) => key)).toEqual([]);
        });
      }
    });
  }
});
