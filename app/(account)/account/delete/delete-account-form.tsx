"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { deleteAccountSchema } from "@/lib/security/core/schemas";
import type { SchemaWords } from "@/lib/view/schema-words";
import { deleteAccountAction, deleteAccountPosted } from "./actions";

/** The label has the address to type filled in by the server. */
export function DeleteAccountForm({ words }: { words: { form: string; label: string; button: string; schema: SchemaWords } }) {
  const { form, state, formProps, errorOf, pending } = useServerForm(
    deleteAccountSchema,
    deleteAccountAction,
    { confirmation: "" },
    words.schema,
    deleteAccountPosted,
  );
  return (
    <form {...formProps} className="max-w-md space-y-5" aria-label={words.form}>
      <FormMessage state={state} />
      <TextField
        label={words.label}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        dir="ltr"
        error={errorOf("confirmation")}
        {...form.register("confirmation")}
      />
      <Button type="submit" variant="danger" pending={pending}>
        {words.button}
      </Button>
    </form>
  );
}
