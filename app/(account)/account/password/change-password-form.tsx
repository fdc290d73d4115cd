"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { NewPasswordFields } from "@/components/forms/new-password-fields";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { changePasswordSchema } from "@/lib/security/core/schemas";
import { changePasswordAction, changePasswordPosted } from "./actions";
import type { PasswordWords } from "./set-password-form";

export function ChangePasswordForm({ words }: { words: PasswordWords }) {
  const { form, state, formProps, errorOf, pending } = useServerForm(
    changePasswordSchema,
    changePasswordAction,
    { password: "", newPassword: "", newPasswordConfirm: "" },
    words.schema,
    changePasswordPosted,
  );
  return (
    <form {...formProps} className="max-w-md space-y-5" aria-label={words.change}>
      <FormMessage state={state} />
      <TextField
        label={words.current}
        type="password"
        passwordToggle={words.passwordToggle}
        autoComplete="current-password"
        error={errorOf("password")}
        {...form.register("password")}
      />
      <NewPasswordFields
        words={words}
        password={form.register("newPassword")}
        confirm={form.register("newPasswordConfirm")}
        errors={{ password: errorOf("newPassword"), confirm: errorOf("newPasswordConfirm") }}
      />
      <Button type="submit" pending={pending}>
        {words.change}
      </Button>
    </form>
  );
}
