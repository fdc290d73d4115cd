"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { emailOnlySchema } from "@/lib/security/core/schemas";
import type { SchemaWords } from "@/lib/view/schema-words";
import { changeEmailAction, changeEmailPosted } from "./actions";

export function ChangeEmailForm({ words }: { words: { form: string; label: string; send: string; schema: SchemaWords } }) {
  const { field, state, formProps, errorOf, pending } = useServerForm(emailOnlySchema, changeEmailAction, { email: "" }, words.schema, changeEmailPosted);
  return (
    <form {...formProps} className="max-w-md space-y-5" aria-label={words.form}>
      <FormMessage state={state} />
      <TextField
        label={words.label}
        type="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        dir="ltr"
        error={errorOf("email")}
        {...field("email")}
      />
      <Button type="submit" pending={pending}>
        {words.send}
      </Button>
    </form>
  );
}
