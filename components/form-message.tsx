"use client";
import { useEffect } from "react";
import { Alert } from "@/components/ui/alert";
import { announceFormError } from "@/components/notice-banner";

export type FormMessageState =
  | {
      message?: string;
      tone?: "error" | "success" | "info";
      fieldErrors?: Record<string, string[]>;
    }
  | null
  | undefined;

/**
 * Renders the form-level message from a server action's state (defaults to an error). The rule
 * for every form: a field's error is shown under the field, the form's in this alert, and the
 * alert never repeats a field's error (stateFromFailure leaves such a message out; a state made
 * on the client is checked here too). A new error also clears the page's ?notice= banner, which
 * no longer applies ("Your email address is confirmed" above "That password isn't right").
 */
export function FormMessage({ state, className }: { state: FormMessageState; className?: string }) {
  const failed = state && (state.tone ?? "error") === "error" && (state.message || Object.keys(state.fieldErrors ?? {}).length);
  useEffect(() => {
    if (failed) announceFormError();
  }, [failed, state]);
  if (!state?.message || repeatsAFieldError(state)) return null;
  return (
    <Alert tone={state.tone ?? "error"} testId="form-message" className={className}>
      {state.message}
    </Alert>
  );
}

function repeatsAFieldError(state: NonNullable<FormMessageState>): boolean {
  return Object.values(state.fieldErrors ?? {}).some((messages) => messages.includes(state.message ?? ""));
}
