"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { resetPasswordSchema } from "@/lib/security/core/schemas";
import { resetPasswordAction } from "./actions";

export function ResetPasswordForm({ token, minLength }: { token: string; minLength: number }) {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(resetPasswordSchema, resetPasswordAction, {
    token,
    password: "",
    passwordConfirm: "",
  });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Choose a new password">
      <FormMessage state={state} />
      {/* Lets password managers attach the new password to the right account. */}
      <input type="hidden" {...form.register("token")} />
      <TextField
        label="New password"
        type="password"
        autoComplete="new-password"
        autoFocus
        hint={`At least ${minLength} characters.`}
        error={errorOf("password")}
        {...form.register("password")}
      />
      <TextField
        label="Confirm new password"
        type="password"
        autoComplete="new-password"
        error={errorOf("passwordConfirm")}
        {...form.register("passwordConfirm")}
      />
      <Button type="submit" className="w-full" pending={pending}>
        Set new password
      </Button>
    </form>
  );
}
