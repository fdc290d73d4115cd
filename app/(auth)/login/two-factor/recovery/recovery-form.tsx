"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { recoveryCodeSchema } from "@/lib/security/core/schemas";
import { recoveryCodeAction, recoveryCodePosted } from "./actions";
import type { SchemaWords } from "@/lib/view/schema-words";

export interface RecoveryFormWords {
  /** The input checks' words in the page's language (schemaWordsFor). */
  schema: SchemaWords;
  formLabel: string;
  label: string;
  hint: string;
  submit: string;
}

export function RecoveryForm({ words }: { words: RecoveryFormWords }) {
  const { form, state, formProps, errorOf, pending } = useServerForm(recoveryCodeSchema, recoveryCodeAction, { code: "" }, words.schema, recoveryCodePosted);
  return (
    <form {...formProps} className="space-y-5" aria-label={words.formLabel}>
      <FormMessage state={state} />
      <TextField
        label={words.label}
        dir="ltr"
        autoComplete="one-time-code"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        autoFocus
        maxLength={64}
        hint={words.hint}
        className="[&_input]:font-mono"
        error={errorOf("code")}
        {...form.register("code")}
      />
      <Button type="submit" className="w-full" pending={pending}>
        {words.submit}
      </Button>
    </form>
  );
}
