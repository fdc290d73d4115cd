import type { ErrorCode, Failure } from "@/lib/security/core/errors";
import { fieldErrorsFrom } from "@/lib/security/core/schemas";
import { translatorFor } from "@/lib/i18n/translator";
import type { Locale } from "@/lib/i18n/locales";
import { configuredParams } from "./message-params";
import { pageLocale } from "./page-locale";
import { plainFieldErrors, textFor } from "./text";

/** What a server action hands back to its form when it does not redirect. */
export type FormState = {
  tone: "error" | "success" | "info";
  message?: string;
  /** Per-field messages, keyed by the form field's name. */
  fieldErrors?: Record<string, string[]>;
  /** A stable error code (Flask-Security message key) for the page, tests and analytics. */
  code?: ErrorCode | BrowserFailureCode;
  /**
   * What the person had typed, handed back to a form the browser posted itself (before hydration
   * or without JavaScript), which is drawn anew with the answer: never a password or a code.
   */
  values?: Record<string, string>;
} | null;

/**
 * Failures only the browser sees (a passkey prompt cancelled, refused on this address, or broken),
 * which components/passkeys/ceremony.ts words itself: the server never answers with these.
 */
export type BrowserFailureCode = "WEBAUTHN_CANCELLED" | "WEBAUTHN_SECURITY" | "WEBAUTHN_BROWSER";

/**
 * A Failure as a page shows it, in the product's words (lib/view/words.ts) and the request's
 * language (`locale` names another, e.g. a test's; otherwise lib/view/page-locale.ts). One rule for every
 * form: an error about a field is shown under that field, an error about the form in the alert,
 * and the alert never repeats a field's error. Errors under "" are the form's, so they join the
 * alert; a failure that is only about fields (INVALID_INPUT) gets a one-line summary instead.
 */
export async function stateFromFailure(failure: Failure, locale?: Locale): Promise<FormState> {
  return wordFailure(failure, locale ?? (await pageLocale()));
}

/** stateFromFailure in a language already known. */
export function wordFailure(failure: Failure, locale: Locale): FormState {
  const all = plainFieldErrors(failure.fieldErrors, locale, failure.code) ?? {};
  const { "": formLevel = [], ...named } = all;
  const fieldErrors = Object.keys(named).length ? named : undefined;
  const ownText = `${textFor(failure.code, failure.params ?? configuredParams(failure.code), locale)}${retrySuffix(failure, locale)}`;
  const underFields = new Set(Object.values(named).flat());
  const alert = [...new Set([fieldErrors && failure.code === "INVALID_INPUT" ? textFor("INVALID_INPUT", undefined, locale) : ownText, ...formLevel])].filter(
    (text) => !underFields.has(text),
  );
  return {
    tone: "error",
    code: failure.code,
    ...(alert.length ? { message: alert.join(" ") } : {}),
    ...(fieldErrors ? { fieldErrors } : {}),
  };
}

/**
 * "Try again in 5 minutes." for a rate-limited failure, in a language (the JSON API's, English:
 * lib/api/envelope.ts). Seconds under a minute, else whole minutes rounded up.
 */
export function retrySuffix(failure: Failure, locale: Locale = "en"): string {
  const t = translatorFor(locale, "forms.retry");
  const seconds = failure.retryAfter;
  if (seconds) return ` ${seconds < 60 ? t("seconds", { count: seconds }) : t("minutes", { count: Math.ceil(seconds / 60) })}`;
  return failure.code === "RATE_LIMITED" ? ` ${t("wait")}` : "";
}

/** A schema's rejection as a Failure, so input errors take the same road as the core's. */
export function invalidInput(error: Parameters<typeof fieldErrorsFrom>[0]): Failure {
  return { ok: false, code: "INVALID_INPUT", fieldErrors: fieldErrorsFrom(error) };
}

export function stateFromInvalidInput(error: Parameters<typeof fieldErrorsFrom>[0]): Promise<FormState> {
  return stateFromFailure(invalidInput(error));
}

/**
 * A form's FormData as the fields object its action reads, for a form the browser posted itself
 * (before the page's script ran, or without one: components/forms/use-server-form.ts). Text values
 * by name, the first of each; React's own `$ACTION_…` entries and files are left out. Anything
 * else than FormData is no fields: the action's schema then says what is missing, as it does for
 * any caller of an action with the wrong arguments.
 */
export function formFields(input: unknown): Record<string, string> {
  if (!(input instanceof FormData)) return {};
  // A Map, then own properties: a field named "__proto__" or "constructor" is only a field.
  const fields = new Map<string, string>();
  for (const [name, value] of input) {
    if (typeof value === "string" && !name.startsWith("$ACTION") && !fields.has(name)) fields.set(name, value);
  }
  return Object.fromEntries(fields);
}

/** Longer than any address, username or phone number a form keeps; a longer value is not sent back. */
const KEPT_VALUE_MAX = 320;

/**
 * A failed answer to a posted form, with the named fields as the person typed them (`values`), so
 * the page drawn with it keeps their choice and text. Only the named ones: never a secret. A value
 * over KEPT_VALUE_MAX is left out (its field starts empty, its error says why): the page would
 * otherwise carry a huge refused value three times (the input, the RSC payload, the form's state).
 */
export function keepingFields<T extends FormState>(state: T, fields: Record<string, string>, names: readonly string[]): T {
  if (!state || state.tone !== "error") return state;
  const kept = names.filter((name) => name in fields && fields[name]!.length <= KEPT_VALUE_MAX);
  return { ...state, values: Object.fromEntries(kept.map((name) => [name, fields[name]!])) };
}

/**
 * A text field of an action's FormData argument. Anyone can call an action with any arguments
 * (`[]`, `["a"]`, `[{}]` as the request body), so a missing or non-FormData argument, a missing
 * field, a file or an over-long value is null — never a TypeError and a 500.
 */
export function formText(input: unknown, name: string, maxLength = 1024): string | null {
  if (!(input instanceof FormData)) return null;
  const value = input.get(name);
  return typeof value === "string" && value.length <= maxLength ? value : null;
}

export function successState(message: string): FormState {
  return { tone: "success", message };
}
