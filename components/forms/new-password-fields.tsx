"use client";
import type { UseFormRegisterReturn } from "react-hook-form";
import { TextField } from "@/components/ui/text-field";
import type { PasswordToggleWords } from "@/lib/view/form-words";

export interface NewPasswordFieldsWords {
  new: string;
  confirm: string;
  /** Already names the minimum length. */
  hint: string;
  passwordToggle: PasswordToggleWords;
}

/**
 * A new password and its repetition, as the change, set and reset forms ask for them: marked
 * `new-password` so password managers offer to generate one and save it to the account.
 */
export function NewPasswordFields({
  words,
  password,
  confirm,
  errors,
  autoFocus,
}: {
  words: NewPasswordFieldsWords;
  password: UseFormRegisterReturn;
  confirm: UseFormRegisterReturn;
  errors: { password: string | undefined; confirm: string | undefined };
  autoFocus?: boolean;
}) {
  return (
    <>
      <TextField
        label={words.new}
        type="password"
        autoComplete="new-password"
        autoFocus={autoFocus}
        hint={words.hint}
        passwordToggle={words.passwordToggle}
        error={errors.password}
        {...password}
      />
      <TextField label={words.confirm} type="password" autoComplete="new-password" passwordToggle={words.passwordToggle} error={errors.confirm} {...confirm} />
    </>
  );
}
