"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { generateRecoveryCodesAction, type GenerateState } from "./actions";
import { CodeList } from "./code-list";

interface GenerateFormProps {
  /** Codes exist already: generating replaces them, so ask first. */
  hasCodes: boolean;
  appName: string;
  email: string;
}

export function GenerateForm({ hasCodes, appName, email }: GenerateFormProps) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState<GenerateState>(() => generateRecoveryCodesAction(), null);
  const question = useRef<HTMLParagraphElement>(null);

  useEffect(() => {
    if (confirming) question.current?.focus();
  }, [confirming]);

  if (state && "codes" in state) {
    return (
      <div className="space-y-5">
        <FormMessage state={state} />
        <CodeList codes={state.codes} appName={appName} email={email} />
      </div>
    );
  }

  if (hasCodes && !confirming) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          Generate new codes
        </Button>
      </div>
    );
  }

  return (
    <form
      action={formAction}
      aria-label="Generate recovery codes"
      className={hasCodes ? "space-y-4 rounded-lg border border-warning-border bg-warning-soft p-4" : "space-y-4"}
    >
      <FormMessage state={state} />
      {hasCodes ? (
        <p ref={question} tabIndex={-1} className="text-sm font-medium text-warning-soft-foreground focus:outline-none" data-testid="generate-confirmation">
          Generate a new set? Your current codes will stop working.
        </p>
      ) : (
        <p className="text-sm text-muted">You&apos;ll get a set of one-time codes. They are shown only once, so have somewhere ready to keep them.</p>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={pending}>
          {hasCodes ? "Yes, generate new codes" : "Generate recovery codes"}
        </Button>
        {hasCodes ? (
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
            Cancel
          </Button>
        ) : null}
      </div>
    </form>
  );
}
