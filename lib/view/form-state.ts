import type { ErrorCode, Failure } from "@/lib/security/core/errors";
import { fieldErrorsFrom } from "@/lib/security/core/schemas";
import { configuredParams } from "./message-params";
import { plainFieldErrors, textFor } from "./text";

/** What a server action hands back to its form when it does not redirect. */
export type FormState = {
  tone: "error" | "success" | "info";
  message?: string;
  /** Per-field messages, keyed by the form field's name. */
  fieldErrors?: Record<string, string[]>;
  /** A stable error code (Flask-Security message key) for the page, tests and analytics. */
  code?: ErrorCode | BrowserFailureCode;
} | null;

/**
 * Failures only the browser sees (a passkey prompt cancelled, refused on this address, or broken),
 * which components/passkeys/ceremony.ts words itself: the server never answers with these.
 */
export type BrowserFailureCode = "WEBAUTHN_CANCELLED" | "WEBAUTHN_SECURITY" | "WEBAUTHN_BROWSER";

/**
 * A Failure as a page shows it, in the product's words (lib/view/words.ts). One rule for every
 * form: an error about a field is shown under that field, an error about the form in the alert,
 * and the alert never repeats a field's error. Errors under "" are the form's, so they join the
 * alert; a failure that is only about fields (INVALID_INPUT) gets a one-line summary instead.
 */
export function stateFromFailure(failure: Failure): FormState {
  const all = plainFieldErrors(failure.fieldErrors, failure.code) ?? {};
  const { "": formLevel = [], ...named } = all;
  const fieldErrors = Object.keys(named).length ? named : undefined;
  const ownText = `${textFor(failure.code, failure.params ?? configuredParams(failure.code))}${retrySuffix(failure)}`;
  const underFields = new Set(Object.values(named).flat());
  const alert = [...new Set([fieldErrors && failure.code === "INVALID_INPUT" ? textFor("INVALID_INPUT") : ownText, ...formLevel])].filter(
    (text) => !underFields.has(text),
  );
  return {
    tone: "error",
    code: failure.code,
    ...(alert.length ? { message: alert.join(" ") } : {}),
    ...(fieldErrors ? { fieldErrors } : {}),
  };
}

/** "Try again in 5 minutes." for a rate-limited failure (the API's words too: lib/api/envelope.ts). */
export function retrySuffix(failure: Failure): string {
  if (failure.retryAfter) return ` Try again in ${formatWait(failure.retryAfter)}.`;
  return failure.code === "RATE_LIMITED" ? " Please wait and try again." : "";
}

/** A schema's rejection as a Failure, so input errors take the same road as the core's. */
export function invalidInput(error: Parameters<typeof fieldErrorsFrom>[0]): Failure {
  return { ok: false, code: "INVALID_INPUT", fieldErrors: fieldErrorsFrom(error) };
}

export function stateFromInvalidInput(error: Parameters<typeof fieldErrorsFrom>[0]): FormState {
  return stateFromFailure(invalidInput(error));
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

function formatWait(seconds: number): string {
  if (seconds < 60) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  const minutes = Math.ceil(seconds / 60);
  return `${minutes} minute${minutes === 1 ? "" : "s"}`;
}
