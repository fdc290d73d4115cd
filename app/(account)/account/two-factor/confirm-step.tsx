"use client";
import { useEffect, useRef } from "react";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { OneTimeCodeField } from "@/components/forms/one-time-code-field";
import { AuthenticatorDetails } from "@/components/two-factor/authenticator-details";
import { twoFactorConfirmSetupSchema } from "@/lib/security/schemas";
import { confirmTwoFactorSetupAction, type SetupStep } from "./actions";

interface ConfirmStepProps {
  setup: SetupStep;
  /** A method exists already: this replaces it. */
  switching: boolean;
  onRestart: () => void;
}

/** Step 2: scan (authenticator) or read the sent code (email/sms), then prove it. */
export function ConfirmStep({ setup, switching, onRestart }: ConfirmStepProps) {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(twoFactorConfirmSetupSchema, confirmTwoFactorSetupAction, {
    setupToken: setup.setupToken,
    code: "",
  });
  const heading = useRef<HTMLHeadingElement>(null);
  // The form was swapped for this step: tell keyboard and screen-reader users where they are.
  useEffect(() => heading.current?.focus(), []);
  const isApp = setup.method === "authenticator";

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Verify new two-factor method">
      <div>
        <h3 ref={heading} tabIndex={-1} className="text-sm font-semibold text-zinc-900 focus:outline-none dark:text-zinc-100">
          {isApp ? "Scan the QR code with your authenticator app" : "Enter the code we sent"}
        </h3>
        <p className="mt-1 text-sm text-muted" data-testid="setup-instructions">
          {isApp ? "Then enter the 6-digit code the app shows." : `We sent a code to ${setup.sentTo ?? "you"}. It may take a minute to arrive.`}
        </p>
      </div>
      {setup.enrollment ? <AuthenticatorDetails enrollment={setup.enrollment} /> : null}
      <div className="max-w-xs space-y-5">
        <FormMessage state={state} />
        <input type="hidden" {...form.register("setupToken")} />
        <OneTimeCodeField error={errorOf("code")} {...form.register("code")} />
      </div>
      <div className="flex flex-wrap items-center gap-3">
        <Button type="submit" pending={pending}>
          {switching ? "Verify and switch" : "Verify and turn on"}
        </Button>
        <Button type="button" variant="ghost" onClick={onRestart} disabled={pending}>
          Start over
        </Button>
      </div>
    </form>
  );
}
