"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { setPasswordSchema } from "@/lib/security/core/schemas";
import { setPasswordAction } from "./actions";

/** For accounts created without a password: no current password to ask for. */
export function SetPasswordForm({ minLength }: { minLength: number }) {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(setPasswordSchema, setPasswordAction, {
    newPassword: "",
    newPasswordConfirm: "",
  });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-5" aria-label="Set a password">
      <FormMessage state={state} />
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
        Set password
      </Button>
    </form>
  );
}
