"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { FormState } from "@/lib/view/form-state";
import { emailOnlySchema, type EmailOnlyInput } from "@/lib/security/core/schemas";

interface EmailOnlyFormProps {
  action: (input: EmailOnlyInput) => Promise<FormState>;
  email: string;
  submitLabel: string;
  ariaLabel: string;
}

/** One email field and a button: resend confirmation, forgot password. */
export function EmailOnlyForm({ action, email, submitLabel, ariaLabel }: EmailOnlyFormProps) {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(emailOnlySchema, action, { email });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={ariaLabel}>
      <FormMessage state={state} />
      <TextField
        label="Email"
        type="email"
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
