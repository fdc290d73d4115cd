"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { recoveryCodeSchema } from "@/lib/security/core/schemas";
import { recoveryCodeAction } from "./actions";

export function RecoveryForm() {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(recoveryCodeSchema, recoveryCodeAction, { code: "" });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Recovery sign-in">
      <FormMessage state={state} />
      <TextField
        label="Recovery code"
        autoComplete="one-time-code"
        autoCapitalize="none"
        autoCorrect="off"
        spellCheck={false}
        autoFocus
        maxLength={64}
        hint="Each code looks like 1a2b-3c4d-5e6f and works once."
        className="[&_input]:font-mono"
        error={errorOf("code")}
        {...form.register("code")}
      />
      <Button type="submit" className="w-full" pending={pending}>
        Sign in
      </Button>
    </form>
  );
}
