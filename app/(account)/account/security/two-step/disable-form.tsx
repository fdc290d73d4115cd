"use client";
import { useActionState, useEffect, useRef, useState } from "react";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/view/form-state";
import { disableTwoFactorAction } from "./actions";

interface DisableWords {
  turnOff: string;
  confirmAria: string;
  question: string;
  yes: string;
  cancel: string;
}

/** A danger button that asks once more before turning two-step verification off. */
export function DisableForm({ words }: { words: DisableWords }) {
  const [confirming, setConfirming] = useState(false);
  const [state, formAction, pending] = useActionState<FormState>(() => disableTwoFactorAction(), null);
  const question = useRef<HTMLParagraphElement>(null);
  const trigger = useRef<HTMLButtonElement>(null);
  const opened = useRef(false);

  // Move focus with the swap so keyboard users land on the question, and back on cancel.
  useEffect(() => {
    if (confirming) question.current?.focus();
    else if (opened.current) trigger.current?.focus();
    opened.current = confirming;
  }, [confirming]);

  if (!confirming) {
    return (
      <div className="space-y-4">
        <FormMessage state={state} />
        <Button ref={trigger} type="button" variant="danger" onClick={() => setConfirming(true)}>
          {words.turnOff}
        </Button>
      </div>
    );
  }

  return (
    <form action={formAction} aria-label={words.confirmAria} className="space-y-4 rounded-lg border border-danger-border bg-danger-soft p-4">
      <FormMessage state={state} />
      <p ref={question} tabIndex={-1} className="text-sm font-medium text-danger-soft-foreground focus:outline-none" data-testid="disable-confirmation">
        {words.question}
      </p>
      <div className="flex flex-wrap gap-3">
        <Button type="submit" variant="danger" pending={pending}>
          {words.yes}
        </Button>
        <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
          {words.cancel}
        </Button>
      </div>
    </form>
  );
}
