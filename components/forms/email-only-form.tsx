"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { FormState } from "@/lib/view/form-state";
import type { FormWords } from "@/lib/view/form-words";
import { emailOnlySchema, type EmailOnlyInput } from "@/lib/security/core/schemas";

/** A page's words for its email form (its wrapper passes them on as the props below). */
export interface EmailOnlyWords {
  label: string;
  email: string;
  submit: string;
}

interface EmailOnlyFormProps {
  action: (input: EmailOnlyInput) => Promise<FormState>;
  email: string;
  submitLabel: string;
  ariaLabel: string;
  /** The field's label in the page's language. */
  emailLabel?: string;
  /** The input checks' words in the page's language (English when not given). */
  formWords?: FormWords;
}

/** One email field and a button: resend confirmation, forgot password, recover username. */
export function EmailOnlyForm({ action, email, submitLabel, ariaLabel, emailLabel = "Email", formWords }: EmailOnlyFormProps) {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(emailOnlySchema, action, { email }, formWords?.schema);
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={ariaLabel}>
      <FormMessage state={state} />
      <TextField
        label={emailLabel}
        type="email"
        // An address reads left to right, in Arabic too.
        dir="ltr"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        error={errorOf("email")}
        {...form.register("email")}
      />
      <Button type="submit" className="w-full" pending={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
