import "server-only";
import * as z from "zod";
import { messageFor, type ErrorCode, type Failure } from "@/lib/security/core/errors";
import { withStrictTransportSecurity } from "@/lib/security/core/headers";
import { failureStatus } from "@/lib/view/failure-response";
import { retrySuffix } from "@/lib/view/form-state";
import { configuredParams } from "@/lib/view/message-params";
import { plainFieldErrors, textFor } from "@/lib/view/text";
import type { Locale } from "@/lib/i18n/locales";
import { referenceFieldErrors, type FieldNames } from "./field-names";

/**
 * Flask-Security's envelope: `{"meta":{"code":200},"response":{…}}`, and for a failure
 * `{"meta":{"code":400},"response":{"errors":[…],"field_errors":{"field":[…]}}}` with form-level
 * errors under "". Gatehouse adds the stable `code` (the message key) and, when rate-limited,
 * `retry_after` (also the Retry-After header).
 */

/** On every answer of the API, success or not (Flask-Security sets it on all responses). */
export const NO_STORE = "private, no-store";

export function envelopeOf<T extends z.ZodType>(response: T) {
  return z.object({ meta: z.object({ code: z.int() }), response });
}

export const ErrorResponse = z
  .object({
    errors: z.array(z.string()),
    field_errors: z.record(z.string(), z.array(z.string())),
    code: z.string().meta({ description: "The message key (Flask-Security's), stable for programs." }),
    retry_after: z.optional(z.int().meta({ description: "Seconds until a rate-limited call may be tried again (also the Retry-After header)." })),
    reauth_required: z.optional(z.boolean()),
    unified_signin_enabled: z.optional(z.boolean()),
    has_webauthn_verify_credential: z.optional(z.boolean()),
    oauth_enabled: z.optional(z.boolean()),
    oauth_providers: z.optional(z.array(z.string())),
  })
  .meta({ id: "ErrorResponse" });

export type ErrorPayload = z.infer<typeof ErrorResponse>;

/**
 * The API's statuses: the pages' (400, 401, 403, 429) plus Flask-Security's 500 for a code that
 * could not be sent — the one failure that is the server's and not the caller's.
 */
export function apiStatus(code: ErrorCode): number {
  if (code === "FAILED_TO_SEND_CODE") return 500;
  if (code === "TWO_FACTOR_STEP_UP_REQUIRED") return 401;
  return failureStatus(code);
}

export function jsonAnswer(status: number, response: object, headers?: HeadersInit): Response {
  // The proxy, which adds HSTS to pages, skips the API (proxy.ts).
  const all = withStrictTransportSecurity(headers);
  all.set("Cache-Control", NO_STORE);
  return Response.json({ meta: { code: status }, response }, { status, headers: all });
}

/** A Failure in the envelope, field names Flask-Security's, with its status and Retry-After. */
export function failureAnswer(
  failure: Failure,
  options: { names?: FieldNames; status?: number; headers?: HeadersInit; extra?: Partial<ErrorPayload>; locale?: Locale | null } = {},
): Response {
  const status = options.status ?? apiStatus(failure.code);
  const locale = options.locale ?? null;
  const fieldErrors = referenceFieldErrors(locale ? plainFieldErrors(failure.fieldErrors, locale, failure.code) : failure.fieldErrors, options.names);
  const perField = Object.values(fieldErrors).flat();
  const body: ErrorPayload = { errors: [], field_errors: fieldErrors, code: failure.code, ...options.extra };
  if (perField.length) body.errors = perField;
  else {
    const message = locale
      ? `${textFor(failure.code, failure.params ?? configuredParams(failure.code), locale)}${retrySuffix(failure, locale)}`
      : referenceMessage(failure);
    body.errors = [message];
    body.field_errors = { "": [message] };
  }
  const headers = new Headers(options.headers);
  if (failure.retryAfter) {
    body.retry_after = failure.retryAfter;
    headers.set("Retry-After", String(failure.retryAfter));
  }
  return jsonAnswer(status, body, headers);
}

/**
 * A failure's message as the API sends it: Flask-Security's English (MESSAGES), not the pages'
 * words (decision 063), so a Flask-Security client reading `errors` sees what it expects. A request
 * that asks for another language (Accept-Language, decision 070) gets the pages' words in it instead;
 * `code` is the same either way.
 */
function referenceMessage(failure: Failure): string {
  return `${messageFor(failure.code, failure.params ?? configuredParams(failure.code))}${retrySuffix(failure)}`;
}

/** A refusal with words of its own (a body that is not JSON, a method not allowed). */
export function refusalAnswer(status: number, code: ErrorCode, message: string, headers?: HeadersInit): Response {
  return failureAnswer({ ok: false, code, fieldErrors: { "": [message] } }, { status, headers });
}
