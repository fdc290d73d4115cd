import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import en from "@/messages/en.json";
import { MESSAGES } from "@/lib/security/core/errors";
import { EMAILS } from "@/emails";
import { flatten } from "./support/catalogue";

/**
 * A message nothing reads is a translator's wasted work and, worse, a sign that a page now shows
 * words that are not in the catalogue. Code reads a message as `getTranslations("ns")` (or
 * `translatorFor(locale, "ns")`) and then `t("key")`, or with a computed key `t(\`levels.${level}.title\`)`.
 * This test cannot follow the code's types, so it asks for evidence instead: the namespace and the
 * key both written somewhere in the source, a computed key's fixed parts matching and its computed
 * parts written as literals (the union they come from). The two namespaces keyed by the core's
 * identifiers are checked against those identifiers.
 */
const ROOT = path.resolve(__dirname, "../..");
const SOURCE_ROOTS = ["app", "components", "lib", "emails", "proxy.ts"];

function sources(entry: string): string[] {
  const full = path.join(ROOT, entry);
  if (statSync(full).isDirectory()) return readdirSync(full).flatMap((name) => sources(path.join(entry, name)));
  return /\.(ts|tsx|mjs)$/.test(entry) ? [readFileSync(full, "utf8")] : [];
}

const source = SOURCE_ROOTS.flatMap(sources).join("\n");
/** Every whole string literal of the source ("a", 'a', `a` without ${…}). */
const literals = new Set([...source.matchAll(/(["'`])([A-Za-z0-9_.-]+)\1/g)].map((m) => m[2]));
/**
 * Every template literal with computed parts and at least one written word, as a pattern whose
 * computed parts are one or more key segments. (`${a}.${b}` would match any key: it proves nothing.)
 */
const templates = [...source.matchAll(/`([A-Za-z0-9_.-]*(?:\$\{[^}`]+\}[A-Za-z0-9_.-]*)+)`/g)]
  .filter((m) => /[A-Za-z]/.test(m[1]!.replace(/\$\{[^}`]+\}/g, "")))
  .map((m) => {
    const pattern = m[1]!
      .split(/\$\{[^}`]+\}/)
      .map((fixed) => fixed.replace(/[.-]/g, "\\$&"))
      .join("([A-Za-z0-9_.-]+)");
    return new RegExp(`^${pattern}$`);
  });

function writtenInTheSource(key: string): boolean {
  if (literals.has(key)) return true;
  return templates.some((pattern) => {
    const match = pattern.exec(key);
    return match !== null && match.slice(1).every((computed) => computed.split(".").every((part) => literals.has(part)));
  });
}

/** A message path is used when some split of it is a namespace the code opens plus a key the code reads. */
function used(messagePath: string): boolean {
  const parts = messagePath.split(".");
  for (let split = 1; split < parts.length; split++) {
    const namespace = parts.slice(0, split).join(".");
    if ((literals.has(namespace) || writtenInTheSource(namespace)) && writtenInTheSource(parts.slice(split).join("."))) return true;
  }
  return false;
}

const messages = [...flatten(en).keys()];

describe("every English message is read by the code", () => {
  it("errors.<code> names one of the core's error codes", () => {
    const codes = new Set(Object.keys(MESSAGES));
    const strays = messages.filter((key) => key.startsWith("errors.")).filter((key) => !codes.has(key.split(".")[1]!));
    expect(strays).toEqual([]);
  });

  it("emails.<template> names a template (or the layout every template shares)", () => {
    const templates = new Set([...Object.keys(EMAILS), "layout"]);
    const strays = messages.filter((key) => key.startsWith("emails.")).filter((key) => !templates.has(key.split(".")[1]!));
    expect(strays).toEqual([]);
  });

  it("every other message's namespace and key are written in the source", () => {
    const unused = messages.filter((key) => !key.startsWith("errors.")).filter((key) => !used(key));
    expect(unused).toEqual([]);
  });

  it("the check itself tells a used message from an unused one", () => {
    expect(used("account.sessions.title")).toBe(true);
    expect(used("account.sessions.noSuchMessageAnywhere")).toBe(false);
    expect(used("account.security.levels.two-step.title")).toBe(true);
    // "title" is written elsewhere, but no code opens this namespace.
    expect(used("account.noSuchPage.title")).toBe(false);
  });
});
