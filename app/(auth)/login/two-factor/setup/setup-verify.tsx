"use client";
import { useId } from "react";
import { useServerForm, type PostedBinding } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { OneTimeCodeField } from "@/components/forms/one-time-code-field";
import { AuthenticatorDetails } from "@/components/two-factor/authenticator-details";
import { twoFactorCodeSchema } from "@/lib/security/core/schemas";
import { confirmSetupAction } from "./actions";
import type { SetupDetails, SetupWords } from "./setup-types";
import { aroundPlaceholder } from "@/lib/i18n/fill";

interface SetupVerifyProps {
  setup: SetupDetails;
  email: string;
  words: SetupWords;
  onBack: () => void;
  /** Step 1's posted action (setupPosted), which takes this form too when the browser posts it itself. */
  posted?: PostedBinding;
}

/** Step 2: show how to get the first code (QR and key, or where it was sent), then check it. */
export function SetupVerify({ setup, email, words, onBack, posted }: SetupVerifyProps) {
  const { form, state, formProps, errorOf, pending } = useServerForm(twoFactorCodeSchema, confirmSetupAction, { code: "" }, words.schema, posted);
  const instructionsId = useId();
  // The template's {destination} becomes the address (or masked phone) in bold, kept left to right.
  const [before, after] = aroundPlaceholder(words.sentTo, "destination");
  return (
    <div className="space-y-6">
      {setup.enrollment ? (
        <div className="space-y-4">
          <p id={instructionsId} className="text-sm text-muted">
            {words.scan}
          </p>
          <AuthenticatorDetails enrollment={setup.enrollment} words={words.authenticator} />
        </div>
      ) : (
        <p id={instructionsId} data-testid="setup-sent-to" className="text-sm text-muted">
          {before}
          <bdi dir="ltr" className="font-medium break-words text-foreground">
            {setup.method === "email" ? email : setup.sentTo}
          </bdi>
          {after}
        </p>
      )}
      <form {...formProps} className="space-y-5" aria-label={words.verifyLabel}>
        <FormMessage state={state} />
        <OneTimeCodeField label={words.code} autoFocus aria-describedby={instructionsId} error={errorOf("code")} {...form.register("code")} />
        <Button type="submit" className="w-full" pending={pending}>
          {words.submit}
        </Button>
      </form>
      <div className="flex justify-center">
        <Button type="button" variant="ghost" size="sm" onClick={onBack} disabled={pending}>
          {words.chooseDifferent}
        </Button>
      </div>
    </div>
  );
}
