"use client";
import { useEffect, useRef } from "react";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { OneTimeCodeField } from "@/components/forms/one-time-code-field";
import { AuthenticatorDetails } from "@/components/two-factor/authenticator-details";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/form-state";
import { signInMethodConfirmSchema, type SignInMethodConfirmInput } from "@/lib/security/schemas";
import { confirmMethodSetupAction, type MethodSetupStep } from "./actions";

interface ConfirmStepProps {
  setup: MethodSetupStep;
  /** Cancel, or an expired setup (with its message): back to the row's first step. */
  onRestart: (reason?: FormState) => void;
}

/** Step 2: scan (authenticator) or read the sent code (email/sms), then prove it. */
export function ConfirmStep({ setup, onRestart }: ConfirmStepProps) {
  const confirm = async (input: SignInMethodConfirmInput): Promise<FormState> => {
    const result = await confirmMethodSetupAction(input);
    // The setup token is gone: another code cannot help, so start again instead of asking for one.
    if (result?.code === "US_SETUP_EXPIRED") onRestart(result);
    return result;
  };
  const { form, state, onSubmit, errorOf, pending } = useServerForm(signInMethodConfirmSchema, confirm, { setupToken: setup.setupToken, code: "" });
  const heading = useRef<HTMLHeadingElement>(null);
  // The button was swapped for this step: tell keyboard and screen-reader users where they are.
  useEffect(() => heading.current?.focus(), []);
  const isApp = setup.method === "authenticator";

  return (
    <form
      onSubmit={onSubmit}
      noValidate
      // No "code" in this name: the code field keeps the only "Code" label on the page.
      aria-label="Verify new sign-in method"
      className="space-y-5 rounded-lg border border-zinc-200 p-4 dark:border-zinc-800"
    >
      <div>
        <h3 ref={heading} tabIndex={-1} className="text-sm font-semibold text-zinc-900 focus:outline-none dark:text-zinc-100">
          {isApp ? "Scan the QR code with your authenticator app" : "Enter the code we sent"}
        </h3>
        <p className="mt-1 text-sm break-words text-muted" data-testid="setup-instructions">
          {isApp ? "Then enter the 6-digit code the app shows." : `We sent a code to ${setup.sentTo ?? "you"}. It may take a minute to arrive.`}
        </p>
      </div>
      {setup.enrollment ? <AuthenticatorDetails enrollment={setup.enrollment} /> : null}
      <div className="max-w-xs space-y-5">
        <FormMessage state={state} />
        <input type="hidden" {...form.register("setupToken")} />
        <OneTimeCodeField error={errorOf("code")} {...form.register("code")} />
      </div>
      <div className="flex flex-wrap items-center gap-2">
        <Button type="submit" size="sm" pending={pending}>
          Verify and add
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={() => onRestart()} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
