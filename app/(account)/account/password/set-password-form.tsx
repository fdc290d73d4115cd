"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { setPasswordSchema } from "@/lib/security/core/schemas";
import type { SchemaWords } from "@/lib/view/schema-words";
import { setPasswordAction } from "./actions";
import type { PasswordToggleWords } from "@/lib/view/form-words";

/** The password forms' words, in the page's language (the hint has the minimum length filled in). */
export interface PasswordWords {
  change: string;
  set: string;
  current: string;
  new: string;
  confirm: string;
  hint: string;
  setButton: string;
  schema: SchemaWords;
  passwordToggle: PasswordToggleWords;
}

/** For accounts created without a password: no current password to ask for. */
export function SetPasswordForm({ words }: { words: PasswordWords }) {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(
    setPasswordSchema,
    setPasswordAction,
    { newPassword: "", newPasswordConfirm: "" },
    words.schema,
  );
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-5" aria-label={words.set}>
      <FormMessage state={state} />
      <TextField
        label={words.new}
        type="password"
        passwordToggle={words.passwordToggle}
        autoComplete="new-password"
        hint={words.hint}
        error={errorOf("newPassword")}
        {...form.register("newPassword")}
      />
      <TextField
        label={words.confirm}
        type="password"
        passwordToggle={words.passwordToggle}
        autoComplete="new-password"
        error={errorOf("newPasswordConfirm")}
        {...form.register("newPasswordConfirm")}
      />
      <Button type="submit" pending={pending}>
        {words.setButton}
      </Button>
    </form>
  );
}
