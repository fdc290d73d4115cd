"use client";
import { useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/view/form-state";
import { sendSignInCodeAction } from "./actions";

export interface SendCodeWords {
  /** The group's accessible name. */
  group: string;
  email: string;
  sms: string;
}

interface SendCodeButtonsProps {
  methods: ("email" | "sms")[];
  words: SendCodeWords;
  /** The identity typed so far; empty means "ask for it first". */
  identity: () => string;
  /** Nothing typed yet: say so under the identity field. */
  onMissingIdentity: () => void;
  onSent: (state: FormState) => void;
}

/**
 * Unified sign-in: send a one-time code to the account named in the identity field. The answer
 * never says whether the account exists; the code then goes in the code field. Loaded only when
 * the visitor asks for a code (login-form.tsx), so it is not in /login's first-load JavaScript.
 */
export function SendCodeButtons({ methods, words, identity, onMissingIdentity, onSent }: SendCodeButtonsProps) {
  const [pending, startTransition] = useTransition();
  const send = (method: "email" | "sms") => {
    const typed = identity().trim();
    if (!typed) {
      onMissingIdentity();
      return;
    }
    startTransition(async () => onSent(await sendSignInCodeAction({ identity: typed, method })));
  };
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label={words.group}>
      {methods.map((m) => (
        <Button key={m} type="button" variant="secondary" size="sm" disabled={pending} onClick={() => send(m)}>
          {words[m]}
        </Button>
      ))}
    </div>
  );
}
