"use client";
import { FormMessage } from "@/components/form-message";
import { useServerForm } from "@/components/forms/use-server-form";
import { runRegistration } from "@/components/passkeys/ceremony";
import { PasskeyIcon } from "@/components/passkeys/passkey-button";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { addPasskeySchema, type AddPasskeyInput } from "@/lib/security/core/schemas";
import { finishAddPasskeyAction, startAddPasskeyAction } from "./actions";

import { PASSKEY_USAGE_CHOICES as USAGES } from "@/lib/view/labels";

/** Name + usage, then the browser creates the passkey; the server verifies and stores it. */
export function AddPasskeyForm() {
  const register = (input: AddPasskeyInput) => runRegistration({ start: () => startAddPasskeyAction(input), finish: finishAddPasskeyAction });
  const { form, state, onSubmit, errorOf, pending } = useServerForm(addPasskeySchema, register, { name: "", usage: "first" });
  const usageError = errorOf("usage");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Add a passkey">
      <FormMessage state={state} />
      <TextField
        label="Name"
        hint="So you can tell your passkeys apart, e.g. “Work laptop”."
        autoComplete="off"
        maxLength={64}
        error={errorOf("name")}
        {...form.register("name")}
      />
      <fieldset className="space-y-2" aria-invalid={usageError ? true : undefined}>
        <legend className="text-sm font-medium">Use it to</legend>
        {USAGES.map((u) => (
          <label
            key={u.value}
            className="flex cursor-pointer gap-3 rounded-lg border border-border p-3 text-sm has-checked:border-primary has-checked:bg-primary-soft has-focus-visible:ring-3 has-focus-visible:ring-ring/25"
          >
            <input type="radio" value={u.value} className="mt-0.5 accent-primary" {...form.register("usage")} />
            <span>
              <span className="block font-medium">{u.label}</span>
              <span className="block text-muted">{u.hint}</span>
            </span>
          </label>
        ))}
        {usageError ? <p className="text-sm text-danger-text">{usageError}</p> : null}
      </fieldset>
      <Button type="submit" pending={pending}>
        <PasskeyIcon />
        Add passkey
      </Button>
    </form>
  );
}
