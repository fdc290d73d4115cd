import { messageFor, type ErrorCode, type Failure } from "@/lib/security/core/errors";
import { fieldErrorsFrom } from "@/lib/security/core/schemas";
import { configuredParams } from "./message-params";

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

export function stateFromFailure(failure: Failure): FormState {
  const retry = failure.retryAfter ? ` Try again in ${formatWait(failure.retryAfter)}.` : failure.code === "RATE_LIMITED" ? " Please wait and try again." : "";
  const fieldErrors = failure.fieldErrors && Object.keys(failure.fieldErrors).length ? failure.fieldErrors : undefined;
  return {
    tone: "error",
    code: failure.code,
    // Field-level failures are shown next to their fields; the banner then just says so.
    message:
      fieldErrors && failure.code === "INVALID_INPUT"
        ? "Please fix the errors below."
        : `${messageFor(failure.code, failure.params ?? configuredParams(failure.code))}${retry}`,
    fieldErrors: fieldErrors as Record<string, string[]> | undefined,
  };
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
