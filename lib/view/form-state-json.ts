import { isErrorCode } from "@/lib/security/core/errors";
import type { FormState } from "@/lib/view/form-state";
import { isRecord } from "@/lib/view/records";

type Tone = NonNullable<FormState>["tone"];
const TONES: readonly Tone[] = ["error", "success", "info"];

/**
 * A form state read back from a JSON answer (POST /login/session), checked rather than cast: a
 * body that is not one (a proxy's error page, a truncated answer) is null, and `code` is kept only
 * when it is one of ours. The sign-in form loads this after a failed answer, so the messages table
 * behind isErrorCode stays out of the page's first-load JavaScript.
 */
export function formStateFromJson(value: unknown): FormState {
  if (!isRecord(value)) return null;
  const tone = TONES.find((t) => t === value.tone);
  if (!tone) return null;
  const state: NonNullable<FormState> = { tone };
  if (typeof value.message === "string") state.message = value.message;
  if (isErrorCode(value.code)) state.code = value.code;
  const fieldErrors = fieldErrorsFrom(value.fieldErrors);
  if (fieldErrors) state.fieldErrors = fieldErrors;
  return state;
}

function fieldErrorsFrom(value: unknown): Record<string, string[]> | undefined {
  if (!isRecord(value)) return undefined;
  const out: Record<string, string[]> = {};
  for (const [field, messages] of Object.entries(value)) {
    if (Array.isArray(messages)) out[field] = messages.filter((m): m is string => typeof m === "string");
  }
  return Object.keys(out).length ? out : undefined;
}
