"use client";
import { useTransition } from "react";
import type { UseFormReturn } from "react-hook-form";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/view/form-state";
import type { LoginInput } from "@/lib/security/core/schemas";
import { sendSignInCodeAction } from "./actions";

import { SEND_CODE_LABELS } from "@/lib/view/labels";

interface SendCodeButtonsProps {
  methods: ("email" | "sms")[];
  form: UseFormReturn<LoginInput, unknown, unknown>;
  onSent: (state: FormState) => void;
}

/**
 * Unified sign-in: send a one-time code to the account named in the identity field. The answer
 * never says whether the account exists; the code then goes in the password field.
 */
export function SendCodeButtons({ methods, form, onSent }: SendCodeButtonsProps) {
  const [pending, startTransition] = useTransition();
  const send = (method: "email" | "sms") => {
    const identity = form.getValues("identity").trim();
    if (!identity) {
      form.setError("identity", { type: "required", message: "Enter your email or phone number first" });
      form.setFocus("identity");
      return;
    }
    startTransition(async () => {
      const result = await sendSignInCodeAction({ identity, method });
      onSent(result);
      if (result?.tone === "success") form.setFocus("password");
    });
  };
  return (
    <div className="flex flex-wrap gap-2" role="group" aria-label="Get a one-time code">
      {methods.map((m) => (
        <Button key={m} type="button" variant="secondary" size="sm" disabled={pending} onClick={() => send(m)}>
          {SEND_CODE_LABELS[m]}
        </Button>
      ))}
    </div>
  );
}
