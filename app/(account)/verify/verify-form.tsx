"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { verifySchema } from "@/lib/security/core/schemas";
import { verifyAction, verifyPosted } from "./actions";
import type { SchemaWords } from "@/lib/view/schema-words";
import type { PasswordToggleWords } from "@/lib/view/form-words";

interface VerifyFormWords {
  /** The input checks' words in the page's language (schemaWordsFor). */
  schema: SchemaWords;
  passwordToggle: PasswordToggleWords;
  formLabel: string;
  password: string;
  submit: string;
}

export function VerifyForm({ email, next, words }: { email: string; next?: string; words: VerifyFormWords }) {
  const { form, field, state, formProps, errorOf, pending } = useServerForm(verifySchema, verifyAction, { password: "", next }, words.schema, verifyPosted);
  return (
    <form {...formProps} className="space-y-5" aria-label={words.formLabel}>
      <FormMessage state={state} />
      {/* Tells password managers which account's password to offer. */}
      <input type="email" name="username" autoComplete="username" value={email} readOnly hidden />
      <TextField
        label={words.password}
        type="password"
        autoComplete="current-password"
        autoFocus
        passwordToggle={words.passwordToggle}
        error={errorOf("password")}
        {...form.register("password")}
      />
      <input type="hidden" {...field("next")} />
      <Button type="submit" className="w-full" pending={pending}>
        {words.submit}
      </Button>
    </form>
  );
}
