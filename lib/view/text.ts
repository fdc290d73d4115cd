import "server-only";
import { MESSAGES, type ErrorCode, type FieldErrors, type MessageParams } from "@/lib/security/core/errors";
import type { Locale } from "@/lib/i18n/locales";
import { plainSchemaText } from "./schema-words";
import { schemaWordsFor } from "./schema-words-server";
import { wordsFor } from "./words";
import { localizeDuration } from "@/lib/i18n/duration";

/**
 * The one way a page turns a code into words: the "errors" entry of the page's language with its
 * {placeholders} filled. A placeholder without a value stays as it is (a test would see it), as
 * messageFor does.
 */
export function textFor(code: ErrorCode, params: MessageParams | undefined, locale: Locale): string {
  const text: string = wordsFor(locale)[code];
  if (!params) return text;
  // {within} arrives as the flows humanize a lifetime ("2 days"): written here in the reader's language.
  const fill = (name: string): string =>
    name === "within" && typeof params[name] === "string" ? localizeDuration(params[name], locale) : String(params[name]);
  return text.replace(/\{(\w+)\}/g, (whole, name: string) => (name in params ? fill(name) : whole));
}

interface Template {
  code: ErrorCode;
  pattern: RegExp;
  names: string[];
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * Each code's reference English as a pattern: "Password must be between {min} and {max}
 * characters" matches the core's filled-in text and gives back min and max. The core writes field
 * errors in Flask-Security's English (the API sends them as they are); the pages read them back to
 * their code here, then say them in WORDS. Whatever follows the template (a list of bad values)
 * is kept.
 */
const TEMPLATES: readonly Template[] = (Object.keys(MESSAGES) as ErrorCode[]).map((code) => {
  const names: string[] = [];
  const source = MESSAGES[code]
    .split(/(\{\w+\})/)
    .map((part) => {
      const name = /^\{(\w+)\}$/.exec(part)?.[1];
      if (!name) return escape(part);
      names.push(name);
      return "(.+?)";
    })
    .join("");
  return { code, pattern: new RegExp(`^${source}((?:\\s.*)?)$`, "s"), names };
});

function fromTemplate(template: Template, text: string, locale: Locale): { said: string; rest: number } | null {
  const match = template.pattern.exec(text);
  if (!match) return null;
  const params = Object.fromEntries(template.names.map((name, i) => [name, match[i + 1]!]));
  const rest = match[template.names.length + 1] ?? "";
  return { said: `${textFor(template.code, params, locale)}${rest}`, rest: rest.length };
}

/**
 * A message of the core's, said in the product's words. `hint` is the failure's code: several
 * codes share a reference text (two "Setup must be completed within" codes), and the failure's
 * own is the one meant, and the template that leaves nothing over wins. A text no code or check knows is shown as it is.
 */
export function plainText(text: string, locale: Locale, hint?: ErrorCode): string {
  let best: { said: string; rest: number } | null = null;
  for (const template of TEMPLATES) {
    const found = fromTemplate(template, text, locale);
    // The closest template wins (nothing left over), and the failure's own code among equals.
    if (found && (!best || found.rest < best.rest || (found.rest === best.rest && template.code === hint))) best = found;
  }
  return best?.said ?? plainSchemaText(text, schemaWordsFor(locale));
}

/** A failure's field errors in the product's words, keyed as they came. */
export function plainFieldErrors(fieldErrors: FieldErrors | undefined, locale: Locale, hint?: ErrorCode): Record<string, string[]> | undefined {
  if (!fieldErrors) return undefined;
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(fieldErrors)) if (messages?.length) out[field] = messages.map((m) => plainText(m, locale, hint));
  return Object.keys(out).length ? out : undefined;
}
