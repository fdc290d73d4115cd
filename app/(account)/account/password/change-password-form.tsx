"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { changePasswordSchema } from "@/lib/security/core/schemas";
import { changePasswordAction } from "./actions";

export function ChangePasswordForm({ minLength }: { minLength: number }) {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(changePasswordSchema, changePasswordAction, {
    password: "",
    newPassword: "",
    newPasswordConfirm: "",
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-5" aria-label="Change password">
      <FormMessage state={state} />
      <TextField label="Current password" type="password" autoComplete="current-password" error={errorOf("password")} {...form.register("password")} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        hint={`At least ${minLength} characters.`}
        error={errorOf("newPassword")}
        {...form.register("newPassword")}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        error={errorOf("newPasswordConfirm")}
        {...form.register("newPasswordConfirm")}
      />
      <Button type="submit" pending={pending}>
        Change password
      </Button>
    </form>
  );
}
