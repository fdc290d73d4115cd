"use client";
import { useState, type ReactNode } from "react";
import { FormMessage } from "@/components/form-message";
import { Button, type ButtonVariant } from "@/components/ui/button";
import type { FormState } from "@/lib/view/form-state";
import type { AssertionStart } from "@/lib/view/passkey-ceremony";
import { runAssertion, type CeremonyActions } from "./ceremony";

interface PasskeyButtonProps extends CeremonyActions<AssertionStart> {
  children: ReactNode;
  variant?: ButtonVariant;
  autoFocus?: boolean;
}

/** One button that runs a passkey ceremony; success redirects, failure shows its message above it. */
export function PasskeyButton({ start, finish, children, variant = "secondary", autoFocus }: PasskeyButtonProps) {
  const [pending, setPending] = useState(false);
  const [state, setState] = useState<FormState>(null);
  const onClick = async () => {
    setPending(true);
    setState(null);
    try {
      const result = await runAssertion({ start, finish });
      setState(result);
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

export function PasskeyIcon() {
  return (
    <svg
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      className="size-4"
      aria-hidden="true"
    >
      <circle cx="9" cy="7.5" r="3.5" />
      <path d="M2.5 20v-1.5A4.5 4.5 0 0 1 7 14h4" />
      <circle cx="17.5" cy="12.5" r="2.5" />
      <path d="M17.5 15v6l1.5-1.2M17.5 18.5l1.5-1" />
    </svg>
  );
}
