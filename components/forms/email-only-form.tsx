"use client";
import { useServerForm, type PostedAction } from "@/components/forms/use-server-form";
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
  /** The same action as the browser posts the form before hydration or without JavaScript. */
  posted: PostedAction;
  /** The page's path (useServerForm's permalink: the form is on a prerendered page). */
  permalink: string;
  email: string;
  submitLabel: string;
  ariaLabel: string;
  /** The field's label in the page's language. */
  emailLabel?: string;
  /** The input checks' words in the page's language (English when not given). */
  formWords?: FormWords;
}

/** One email field and a button: resend confirmation, forgot password, recover username. */
export function EmailOnlyForm({ action, posted, permalink, email, submitLabel, ariaLabel, emailLabel = "Email", formWords }: EmailOnlyFormProps) {
  const { field, state, formProps, errorOf, pending } = useServerForm(emailOnlySchema, action, { email }, formWords?.schema, posted, permalink);
  return (
    <form {...formProps} className="space-y-5" aria-label={ariaLabel}>
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
        {...field("email")}
      />
      <Button type="submit" className="w-full" pending={pending}>
        {submitLabel}
      </Button>
    </form>
  );
}
