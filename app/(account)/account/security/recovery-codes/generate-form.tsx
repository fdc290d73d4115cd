"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { generateRecoveryCodesAction, type GenerateState } from "./actions";
import { CodeList, type CodeListWords } from "./code-list";

/** account.recoveryCodes in the page's language. */
export interface GenerateWords {
  generateNew: string;
  generate: string;
  replaceQuestion: string;
  firstTime: string;
  yes: string;
  cancel: string;
  list: CodeListWords;
}

interface GenerateFormProps {
  /** Codes exist already: generating replaces them, so ask first. */
  hasCodes: boolean;
  appName: string;
  words: GenerateWords;
}

export function GenerateForm({ hasCodes, appName, words }: GenerateFormProps) {
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
        <CodeList codes={state.codes} appName={appName} words={words.list} />
      </div>
    );
  }

  if (hasCodes && !confirming) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          {words.generateNew}
        </Button>
      </div>
    );
  }

  return (
    <form
      action={formAction}
      aria-label={words.generate}
      className={hasCodes ? "space-y-4 rounded-lg border border-warning-border bg-warning-soft p-4" : "space-y-4"}
    >
      <FormMessage state={state} />
      {hasCodes ? (
        <p ref={question} tabIndex={-1} className="text-sm font-medium text-warning-soft-foreground focus:outline-none" data-testid="generate-confirmation">
          {words.replaceQuestion}
        </p>
      ) : (
        <p className="text-sm text-muted">{words.firstTime}</p>
      )}
      <div className="flex flex-wrap gap-3">
        <Button type="submit" pending={pending}>
          {hasCodes ? words.yes : words.generate}
        </Button>
        {hasCodes ? (
          <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
            {words.cancel}
          </Button>
        ) : null}
      </div>
    </form>
  );
}
