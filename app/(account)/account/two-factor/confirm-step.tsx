"use client";
import { useEffect, useRef } from "react";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
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
      {isApp && setup.qrDataUrl ? (
        <div className="flex flex-col gap-5 sm:flex-row sm:items-start">
          {/* White with a margin in both themes: scanners need dark modules on a light quiet zone. */}
          <div className="self-start rounded-lg bg-white p-3 shadow-xs ring-1 ring-zinc-200 dark:ring-zinc-700">
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL made on the server; nothing to optimise */}
            <img src={setup.qrDataUrl} alt="QR code for your authenticator app" data-testid="totp-qr" width={220} height={220} className="block h-auto max-w-full" />
          </div>
          <div className="min-w-0 space-y-3 text-sm">
            <p className="text-muted">Can&apos;t scan it? Enter this key in the app instead:</p>
            <code
              data-testid="totp-key"
              className="block rounded-lg bg-zinc-100 px-3 py-2 font-mono text-base tracking-wider break-words text-zinc-900 select-all dark:bg-zinc-800 dark:text-zinc-100"
            >
              {setup.keyGroups}
            </code>
            {setup.uri ? (
              <p>
                <span className="text-muted">On your phone? </span>
                <a href={setup.uri} className="link">
                  Open in authenticator app
                </a>
              </p>
            ) : null}
          </div>
        </div>
      ) : null}
      <div className="max-w-xs space-y-5">
        <FormMessage state={state} />
        <input type="hidden" {...form.register("setupToken")} />
        <TextField
          label="Code"
          inputMode="numeric"
          autoComplete="one-time-code"
          autoCapitalize="none"
          spellCheck={false}
          maxLength={12}
          error={errorOf("code")}
          {...form.register("code")}
        />
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
