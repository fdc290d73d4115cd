"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { changeUsernameSchema } from "@/lib/security/core/schemas";
import type { SchemaWords } from "@/lib/view/schema-words";
import { changeUsernameAction, changeUsernamePosted } from "./actions";

/** In the page's language; the hint has the settings' lengths filled in. */
interface UsernameWords {
  form: string;
  label: string;
  hint: string;
  save: string;
  schema: SchemaWords;
}

export function ChangeUsernameForm({ username, words }: { username: string; words: UsernameWords }) {
  const { field, state, formProps, errorOf, pending } = useServerForm(
    changeUsernameSchema,
    changeUsernameAction,
    { username },
    words.schema,
    changeUsernamePosted,
  );
  return (
    <form {...formProps} className="max-w-md space-y-5" aria-label={words.form}>
      <FormMessage state={state} />
      <TextField
        label={words.label}
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        hint={words.hint}
        error={errorOf("username")}
        {...field("username")}
      />
      <Button type="submit" pending={pending}>
        {words.save}
      </Button>
    </form>
  );
}
