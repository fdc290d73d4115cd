"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { emailOnlySchema } from "@/lib/security/core/schemas";
import { changeEmailAction } from "./actions";

export function ChangeEmailForm() {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(emailOnlySchema, changeEmailAction, { email: "" });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-5" aria-label="Change email address">
      <FormMessage state={state} />
      <TextField
        label="New email address"
        type="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        error={errorOf("email")}
        {...form.register("email")}
      />
      <Button type="submit" pending={pending}>
        Send confirmation link
      </Button>
    </form>
  );
}
