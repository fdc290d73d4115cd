"use client";
import { FormMessage } from "@/components/form-message";
import { useServerForm } from "@/components/forms/use-server-form";
import { runRegistration } from "@/components/passkeys/ceremony";
import { PasskeyIcon } from "@/components/passkeys/passkey-button";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { PasskeyUsage } from "@/lib/security/config";
import { addPasskeySchema, type AddPasskeyInput } from "@/lib/security/core/schemas";
import type { SchemaWords } from "@/lib/view/schema-words";
import { finishAddPasskeyAction, startAddPasskeyAction } from "./actions";

/** account.passkeys in the page's language; one label and hint per usage. */
export interface AddPasskeyWords {
  form: string;
  name: string;
  nameHint: string;
  useItTo: string;
  usages: Readonly<Record<PasskeyUsage, { label: string; hint: string }>>;
  add: string;
  schema: SchemaWords;
}

const USAGES: readonly PasskeyUsage[] = ["first", "secondary"];

/** Name + usage, then the browser creates the passkey; the server verifies and stores it. */
export function AddPasskeyForm({ words }: { words: AddPasskeyWords }) {
  const register = (input: AddPasskeyInput) => runRegistration({ start: () => startAddPasskeyAction(input), finish: finishAddPasskeyAction });
  const { form, field, state, formProps, errorOf, pending } = useServerForm(addPasskeySchema, register, { name: "", usage: "first" }, words.schema);
  const usageError = errorOf("usage");
  return (
    <form {...formProps} className="space-y-5" aria-label={words.form}>
      <FormMessage state={state} />
      <TextField label={words.name} hint={words.nameHint} autoComplete="off" maxLength={64} error={errorOf("name")} {...field("name")} />
      <fieldset className="space-y-2" aria-invalid={usageError ? true : undefined}>
        <legend className="text-sm font-medium">{words.useItTo}</legend>
        {USAGES.map((usage) => (
          <label
            key={usage}
            className="flex cursor-pointer gap-3 rounded-lg border border-border p-3 text-sm has-checked:border-primary has-checked:bg-primary-soft has-focus-visible:ring-3 has-focus-visible:ring-ring/25"
          >
            <input type="radio" value={usage} className="mt-0.5 accent-primary" {...form.register("usage")} />
            <span>
              <span className="block font-medium">{words.usages[usage].label}</span>
              <span className="block text-muted">{words.usages[usage].hint}</span>
            </span>
          </label>
        ))}
        {usageError ? <p className="text-sm text-danger-text">{usageError}</p> : null}
      </fieldset>
      <Button type="submit" pending={pending}>
        <PasskeyIcon />
        {words.add}
      </Button>
    </form>
  );
}
