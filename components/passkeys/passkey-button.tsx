"use client";
import { UserKey } from "lucide-react";
import { useState, type ReactNode } from "react";
import { FormMessage } from "@/components/form-message";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { FormState } from "@/lib/view/form-state";
import type { AssertionStart } from "@/lib/view/passkey-ceremony";
import type { PasskeyErrorWords } from "@/lib/view/sign-in-word-types";
import { runAssertion, type CeremonyActions } from "./ceremony";

export type { PasskeyErrorWords };

/** A ceremony's result with a browser-side failure in the page's words; the server's answers come translated already. */
export function passkeyFailureInWords(state: FormState, words: PasskeyErrorWords | undefined): FormState {
  const code = state?.code;
  return state && words && code && Object.hasOwn(words, code) ? { ...state, message: words[code as keyof PasskeyErrorWords] } : state;
}

interface PasskeyButtonProps extends CeremonyActions<AssertionStart> {
  children: ReactNode;
  variant?: ButtonVariant;
  autoFocus?: boolean;
  /** Without them, the browser-side failures read in English (ceremony.ts). */
  errors?: PasskeyErrorWords;
}

/** One button that runs a passkey ceremony; success redirects, failure shows its message above it. */
export function PasskeyButton({ start, finish, children, variant = "secondary", autoFocus, errors }: PasskeyButtonProps) {
  const [pending, setPending] = useState(false);
  const [state, setState] = useState<FormState>(null);
  const onClick = async () => {
    setPending(true);
    setState(null);
    try {
      const result = await runAssertion({ start, finish });
      setState(passkeyFailureInWords(result, errors));
    } finally {
      setPending(false);
    }
  };
  return (
    <div className="space-y-3">
      <FormMessage state={state} />
      <Button type="button" variant={variant} className="w-full" pending={pending} onClick={onClick} autoFocus={autoFocus} data-testid="passkey-button">
        <PasskeyIcon />
        {children}
      </Button>
    </div>
  );
}

/** A person with a key: the passkey mark of the sign-in and passkeys pages. */
export function PasskeyIcon() {
  return <UserKey aria-hidden="true" className="size-4" strokeWidth={1.6} />;
}
