"use client";
import { useEffect, useRef } from "react";
import { useServerForm, type PostedBinding } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { OneTimeCodeField } from "@/components/forms/one-time-code-field";
import { Button } from "@/components/ui/button";
import type { FormState } from "@/lib/view/form-state";
import { codeSetupConfirmSchema, type CodeSetupConfirmInput } from "@/lib/security/core/schemas";
import { AuthenticatorDetails } from "./authenticator-details";
import type { ProveMethodWords } from "../../lib/view/sign-in-word-types";
import type { CodeMethodSetup } from "../../lib/view/two-factor-types";
import { fillWords } from "@/lib/i18n/fill";

export type { ProveMethodWords };

interface ProveMethodFormProps {
  /** In the page's language (lib/view/sign-in-words.ts proveMethodWords). */
  words: ProveMethodWords;
  setup: CodeMethodSetup;
  /** The server action that checks the code and saves the method. */
  confirm: (input: CodeSetupConfirmInput) => Promise<FormState>;
  /** Step 1's posted action, which takes this form too when the browser posts it before hydration or without JavaScript. */
  posted?: PostedBinding;
  /** The form's accessible name. Without "code" in it: the code field keeps the only "Code" label. */
  label: string;
  submitLabel: string;
  cancelLabel: string;
  onCancel: () => void;
  /** Inside a list row (sign-in methods): framed, small buttons. */
  compact?: boolean;
}

/**
 * Step 2 of setting up a code method, shared by two-factor and sign-in methods: scan the QR code
 * (authenticator) or read the sent code (email/SMS), then prove the method with a code.
 */
export function ProveMethodForm({ words, setup, confirm, posted, label, submitLabel, cancelLabel, onCancel, compact = false }: ProveMethodFormProps) {
  const { form, field, state, formProps, errorOf, pending } = useServerForm(
    codeSetupConfirmSchema,
    confirm,
    { setupToken: setup.setupToken, code: "" },
    words.schema,
    posted,
  );
  const heading = useRef<HTMLHeadingElement>(null);
  // The form replaced the step before it: tell keyboard and screen-reader users where they are.
  useEffect(() => heading.current?.focus(), []);
  const isApp = setup.method === "authenticator";
  const size = compact ? "sm" : undefined;

  return (
    <form {...formProps} aria-label={label} className={compact ? "space-y-5 rounded-lg border border-border p-4" : "space-y-5"}>
      <div>
        <h3 ref={heading} tabIndex={-1} className="text-sm font-semibold text-foreground focus:outline-none">
          {isApp ? words.scanTitle : words.sentTitle}
        </h3>
        <p className="mt-1 text-sm break-words text-muted" data-testid="setup-instructions">
          {isApp ? words.scanThen : setup.sentTo ? fillWords(words.sentTo, { destination: setup.sentTo }) : words.sentToYou}
        </p>
      </div>
      {setup.enrollment ? <AuthenticatorDetails enrollment={setup.enrollment} words={words.authenticator} /> : null}
      <div className="max-w-xs space-y-5">
        <FormMessage state={state} />
        <input type="hidden" {...field("setupToken")} />
        <OneTimeCodeField label={words.code} error={errorOf("code")} {...form.register("code")} />
      </div>
      <div className={compact ? "flex flex-wrap items-center gap-2" : "flex flex-wrap items-center gap-3"}>
        <Button type="submit" size={size} pending={pending}>
          {submitLabel}
        </Button>
        <Button type="button" variant="ghost" size={size} onClick={onCancel} disabled={pending}>
          {cancelLabel}
        </Button>
      </div>
    </form>
  );
}
