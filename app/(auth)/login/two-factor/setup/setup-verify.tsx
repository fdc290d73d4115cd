"use client";
import { useId } from "react";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { OneTimeCodeField } from "@/components/forms/one-time-code-field";
import { AuthenticatorDetails } from "@/components/two-factor/authenticator-details";
import { twoFactorCodeSchema } from "@/lib/security/core/schemas";
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
  const strong = "font-medium break-words text-foreground";
  return (
    <div className="space-y-6">
      {setup.enrollment ? (
        <div className="space-y-4">
          <p id={instructionsId} className="text-sm text-muted">
            Scan the QR code with your authenticator app, or type the key into it. Then enter the 6-digit code the app shows.
          </p>
          <AuthenticatorDetails enrollment={setup.enrollment} />
        </div>
      ) : (
        <p id={instructionsId} data-testid="setup-sent-to" className="text-sm text-muted">
          We sent a code to <span className={strong}>{setup.method === "email" ? email : setup.sentTo}</span>. Enter it below to finish.
        </p>
      )}
      <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Verify and finish">
        <FormMessage state={state} />
        <OneTimeCodeField autoFocus aria-describedby={instructionsId} error={errorOf("code")} {...form.register("code")} />
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
