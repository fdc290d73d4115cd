"use client";
import { useEffect, useRef, useState } from "react";
import { FormMessage } from "@/components/form-message";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/view/form-state";
import { confirmMethodSetupAction, startMethodSetupAction, type MethodSetupStep } from "./actions";
import { ProveMethodForm, type ProveMethodWords } from "@/components/two-factor/prove-method-form";
import type { SignInMethodView } from "./method-view";
import { PhoneForm } from "./phone-form";
import { RemoveConfirm } from "./remove-confirm";
import type { SchemaWords } from "@/lib/view/schema-words";

/** account.signInCodes in the page's language. */
export interface MethodRowWords {
  active: string;
  notSetUp: string;
  remove: string;
  setUp: string;
  verifyLabel: string;
  verifyAdd: string;
  cancel: string;
  phoneAria: string;
  phone: string;
  phoneHint: string;
  send: string;
  schema: SchemaWords;
}

type Mode = "view" | "phone" | "confirm" | "remove";

/**
 * One code method: its status and one action. Setting up is two steps — the server proposes a
 * secret (and sends a code for email/sms; text messages first ask for the number), then a code
 * proves it. Removing asks once more.
 */
export function MethodRow({ method, words, proveWords }: { method: SignInMethodView; words: MethodRowWords; proveWords: ProveMethodWords }) {
  const [mode, setMode] = useState<Mode>("view");
  const [setup, setSetup] = useState<MethodSetupStep | null>(null);
  const [state, setState] = useState<FormState>(null);
  const [starting, setStarting] = useState(false);
  const trigger = useRef<HTMLButtonElement>(null);
  const wasOpen = useRef(false);

  // Back from a step (cancel, expired setup): put keyboard focus where the user started.
  useEffect(() => {
    if (mode === "view" && wasOpen.current) trigger.current?.focus();
    wasOpen.current = mode !== "view";
  }, [mode]);

  const toStep = (step: MethodSetupStep) => {
    setSetup(step);
    setMode("confirm");
  };

  const startWithoutInput = async () => {
    setStarting(true);
    setState(null);
    try {
      const result = await startMethodSetupAction({ method: method.value });
      if (result && "setup" in result) toStep(result.setup);
      else setState(result);
    } finally {
      setStarting(false);
    }
  };

  /** An expired setup token cannot be confirmed any more: start again, saying why. */
  const restart = (reason: FormState = null) => {
    setSetup(null);
    setState(reason);
    setMode("view");
  };

  const confirm = async (input: { setupToken: string; code: string }): Promise<FormState> => {
    const result = await confirmMethodSetupAction(input);
    // The setup token is gone: another code cannot help, so start again instead of asking for one.
    if (result?.code === "US_SETUP_EXPIRED") restart(result);
    return result;
  };

  return (
    <li className="space-y-4 py-4 first:pt-0 last:pb-0" data-testid={`sign-in-method-${method.value}`}>
      <div className="flex items-start justify-between gap-3">
        <div className="min-w-0 space-y-1">
          <p className="flex flex-wrap items-center gap-2 font-medium">
            <span>{method.label}</span>
            {method.active ? <Badge tone="success">{words.active}</Badge> : <Badge tone="neutral">{words.notSetUp}</Badge>}
          </p>
          <p className="text-sm break-words text-muted">{method.active && method.detail ? method.detail : method.description}</p>
        </div>
        {mode === "view" ? (
          method.active ? (
            <Button ref={trigger} variant="ghost" size="sm" onClick={() => setMode("remove")}>
              {words.remove}
              <span className="sr-only"> {method.label}</span>
            </Button>
          ) : (
            <Button
              ref={trigger}
              variant="secondary"
              size="sm"
              pending={starting}
              onClick={method.value === "sms" ? () => setMode("phone") : startWithoutInput}
            >
              {/* The method in the name (not aria-label): "Set up Email codes" for screen readers and tests. */}
              {words.setUp}
              <span className="sr-only"> {method.label}</span>
            </Button>
          )
        ) : null}
      </div>
      {mode === "view" ? <FormMessage state={state} /> : null}
      {mode === "phone" ? <PhoneForm words={words} onStarted={toStep} onCancel={() => restart()} /> : null}
      {mode === "confirm" && setup ? (
        <ProveMethodForm
          setup={setup}
          words={proveWords}
          confirm={confirm}
          label={words.verifyLabel}
          submitLabel={words.verifyAdd}
          cancelLabel={words.cancel}
          onCancel={() => restart()}
          compact
        />
      ) : null}
      {mode === "remove" ? <RemoveConfirm method={method} words={words} onCancel={() => setMode("view")} /> : null}
    </li>
  );
}
