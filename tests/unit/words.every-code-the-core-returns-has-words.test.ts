// Guarantee: every error code the core can return has words a person reads (messages/en.json "errors"), with no
// placeholder the core does not fill and none of the reference's jargon; every message of the input checks has
// the product's words too, the same as its code's where the texts are a code's.
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { MESSAGES } from "@/lib/security/core/errors";
import en from "@/messages/en.json";
import { ENGLISH_SCHEMA_WORDS, SCHEMA_KEYS } from "@/lib/view/schema-words";
import { ENGLISH_PASSWORD_TOGGLE } from "@/lib/view/form-words";
import { plainText as plainTextIn } from "@/lib/view/text";
import { wordsFor } from "@/lib/view/words";

// The catalogue's English; the catalogue tests hold the other languages to the same keys.
const WORDS = wordsFor("en");
const SCHEMA_WORDS: Record<string, string> = Object.fromEntries(Object.entries(SCHEMA_KEYS).map(([text, key]) => [text, ENGLISH_SCHEMA_WORDS[key]]));
const plainText = (text: string, hint?: keyof typeof MESSAGES) => plainTextIn(text, "en", hint);

// The source of truth: ErrorCode is `keyof typeof MESSAGES`, so its keys are every code there is.
const CODES = Object.keys(MESSAGES) as (keyof typeof MESSAGES)[];
const placeholders = (text: string) => new Set([...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? sourceFiles(join(dir, entry.name)) : /\.tsx?$/.test(entry.name) ? [join(dir, entry.name)] : [],
  );
}

describe("the words for every code", () => {
  it.each(CODES)("%s has words, with only the placeholders the core fills", (code) => {
    const words: unknown = (WORDS as Record<string, unknown>)[code];
    expect(typeof words === "string" && words.trim() !== "", `no words for ${code} in messages/en.json "errors"`).toBe(true);
    const known = placeholders(MESSAGES[code]);
    for (const name of placeholders(words as string)) expect(known, `${code} names {${name}}, which the core never fills`).toContain(name);
  });

  it("has no words for a code that does not exist", () => {
    expect(Object.keys(WORDS).filter((key) => !Object.hasOwn(MESSAGES, key))).toEqual([]);
  });

  it("every code the core's source returns by name is a code with words", () => {
    const named = new Set<string>();
    for (const file of sourceFiles(join(process.cwd(), "lib"))) {
      for (const match of readFileSync(file, "utf8").matchAll(/\b(?:fail\(|code: )"([A-Z][A-Z0-9_]+)"/g)) named.add(match[1]!);
    }
    expect(named.size).toBeGreaterThan(50);
    const browserOnly = ["WEBAUTHN_CANCELLED", "WEBAUTHN_SECURITY", "WEBAUTHN_BROWSER"];
    expect([...named].filter((code) => !Object.hasOwn(WORDS, code) && !browserOnly.includes(code))).toEqual([]);
  });

  it("keeps none of the reference's jargon", () => {
    const all = Object.values(WORDS).join("\n");
    for (const jargon of [
      /reauthenticate/i,
      /two-factor authori[sz]ation/i,
      /marked method/i,
      /authentication failed/i,
      /identity or password/i,
      /passcode/i,
      /CSRF/,
    ])
      expect(all).not.toMatch(jargon);
  });
});

describe("the input checks' words", () => {
  const schemas = readFileSync(join(process.cwd(), "lib/security/core/schemas.ts"), "utf8");
  const texts = [...new Set([...schemas.matchAll(/"([A-Z][a-z][^"]*)"/g)].map((m) => m[1]!))];

  it.each(texts)("%s has the product's words", (text) => {
    expect(
      Object.hasOwn(SCHEMA_WORDS, text) || Object.values(MESSAGES).includes(text as never),
      `"${text}" has no entry in lib/view/schema-words.ts (SCHEMA_KEYS)`,
    ).toBe(true);
  });

  it("says a code's reference text as the code's words", () => {
    for (const code of CODES) {
      const text: string = MESSAGES[code];
      if (Object.hasOwn(SCHEMA_WORDS, text)) expect(SCHEMA_WORDS[text], text).toBe(WORDS[code]);
    }
  });

  it("client forms' English fallback is the catalogue's, key for key", () => {
    expect(ENGLISH_SCHEMA_WORDS).toEqual(en.schema);
    expect(new Set(Object.values(SCHEMA_KEYS))).toEqual(new Set(Object.keys(en.schema)));
    expect(ENGLISH_PASSWORD_TOGGLE).toEqual({ show: en.forms.textField.showPassword, hide: en.forms.textField.hidePassword });
  });

  it("reads the core's filled-in texts back to their codes' words, keeping what follows", () => {
    expect(plainText("Value entered must be at most 64 characters")).toBe("Use 64 characters or fewer.");
    expect(plainText(`${MESSAGES.PERMISSION_INVALID} Not valid: a, b`)).toBe(`${WORDS.PERMISSION_INVALID} Not valid: a, b`);
    expect(plainText("Setup must be completed within 5 minutes. Please start over.", "US_SETUP_EXPIRED")).toBe(
      "Setup took too long (it must be finished within 5 minutes). Please start again.",
    );
    expect(plainText("Something only the caller knows")).toBe("Something only the caller knows");
  });
});

describe("a link's lifetime in the reader's language", () => {
  it("{within} is written in the message's language, and kept as it is in English", async () => {
    const { textFor } = await import("@/lib/view/text");
    expect(textFor("CONFIRMATION_EXPIRED", { within: "2 days" }, "en")).toContain("2 days");
    // Intl writes a no-break space between a number and its unit (\s matches it).
    expect(textFor("CONFIRMATION_EXPIRED", { within: "2 days" }, "de")).toMatch(/2\sTage/);
    expect(textFor("PASSWORD_RESET_EXPIRED", { within: "1 hour and 30 minutes" }, "fr")).toMatch(/1\sheure et 30\sminutes/);
    // Anything the flows did not humanize stays as it came.
    expect(textFor("CONFIRMATION_EXPIRED", { within: "soon" }, "de")).toContain("soon");
  });
});
