"use client";
import { useId } from "react";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { twoFactorCodeSchema } from "@/lib/security/schemas";
import { confirmSetupAction } from "./actions";
import type { SetupDetails } from "./setup-types";

interface SetupVerifyProps {
  setup: SetupDetails;
  email: string;
  onBack: () => void;
}

/** Step 2: show how to get the first code (QR and key, or where it was sent), then check it. */
export function SetupVerify({ setup, email, onBack }: SetupVerifyProps) {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(twoFactorCodeSchema, confirmSetupAction, { code: "" });
  const instructionsId = useId();
  const strong = "font-medium break-words text-zinc-900 dark:text-zinc-100";
  return (
    <div className="space-y-6">
      {setup.method === "authenticator" ? (
        <AuthenticatorDetails setup={setup} instructionsId={instructionsId} />
      ) : (
        <p id={instructionsId} data-testid="setup-sent-to" className="text-sm text-zinc-600 dark:text-zinc-400">
          We sent a code to <span className={strong}>{setup.method === "email" ? email : setup.sentTo}</span>. Enter it below to
          finish.
        </p>
      )}
      <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Verify and finish">
        <FormMessage state={state} />
        <TextField
          label="Code"
          inputMode="numeric"
          autoComplete="one-time-code"
          pattern="[0-9 ]*"
          maxLength={12}
          autoFocus
          spellCheck={false}
          aria-describedby={instructionsId}
          error={errorOf("code")}
          {...form.register("code")}
        />
        <Button type="submit" className="w-full" pending={pending}>
          Verify and finish
        </Button>
      </form>
      <div className="flex justify-center">
        <Button type="button" variant="ghost" size="sm" onClick={onBack} disabled={pending}>
          Choose a different method
        </Button>
      </div>
    </div>
  );
}

function AuthenticatorDetails({ setup, instructionsId }: { setup: SetupDetails; instructionsId: string }) {
  return (
    <div className="space-y-4">
      <p id={instructionsId} className="text-sm text-zinc-600 dark:text-zinc-400">
        Scan the QR code with your authenticator app, or type the key into it. Then enter the 6-digit code the app shows.
      </p>
      <div className="flex flex-col items-center gap-4 rounded-xl border border-zinc-200 bg-zinc-50 p-4 dark:border-zinc-800 dark:bg-zinc-950/50">
        {setup.qr ? (
          // White in both themes: scanners need dark modules on a light, quiet background.
          <div className="rounded-lg bg-white p-3 shadow-xs ring-1 ring-zinc-200 dark:ring-zinc-700">
            {/* eslint-disable-next-line @next/next/no-img-element -- a data: URL; nothing for the image optimiser to do */}
            <img src={setup.qr} alt="QR code for your authenticator app" data-testid="totp-qr" width={220} height={220} className="block size-[220px]" />
          </div>
        ) : null}
        {setup.key ? (
          <div className="w-full text-center">
            <p className="text-xs font-medium text-zinc-600 dark:text-zinc-400">Key</p>
            <code data-testid="totp-key" className="mt-1 block font-mono text-sm tracking-wide break-words text-zinc-900 select-all dark:text-zinc-100">
              {setup.key}
            </code>
          </div>
        ) : null}
        {setup.uri ? (
          <a href={setup.uri} className="link text-sm">
            Open in authenticator app
          </a>
        ) : null}
      </div>
    </div>
  );
}
