"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { changeUsernameSchema } from "@/lib/security/core/schemas";
import { changeUsernameAction } from "./actions";

export function ChangeUsernameForm({ username, hint }: { username: string; hint: string }) {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(changeUsernameSchema, changeUsernameAction, { username });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-5" aria-label="Change username">
      <FormMessage state={state} />
      <TextField
        label="Username"
        autoComplete="username"
        autoCapitalize="none"
        spellCheck={false}
        hint={hint}
        error={errorOf("username")}
        {...form.register("username")}
      />
      <Button type="submit" pending={pending}>
        Save username
      </Button>
    </form>
  );
}
