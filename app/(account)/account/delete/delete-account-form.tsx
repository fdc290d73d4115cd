"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { deleteAccountSchema } from "@/lib/security/core/schemas";
import { deleteAccountAction } from "./actions";

export function DeleteAccountForm({ email }: { email: string }) {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(deleteAccountSchema, deleteAccountAction, { confirmation: "" });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-5" aria-label="Delete account">
      <FormMessage state={state} />
      <TextField
        label={`Type ${email} to confirm`}
        autoComplete="off"
        autoCapitalize="none"
        spellCheck={false}
        error={errorOf("confirmation")}
        {...form.register("confirmation")}
      />
      <Button type="submit" variant="danger" pending={pending}>
        Delete my account
      </Button>
    </form>
  );
}
