"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInMethodSetupSchema, type SignInMethodSetupInput } from "@/lib/security/core/schemas";
import type { SchemaWords } from "@/lib/view/schema-words";
import { startMethodSetupAction, type MethodSetupStep } from "./actions";

interface PhoneFormProps {
  words: { phoneAria: string; phone: string; phoneHint: string; send: string; cancel: string; schema: SchemaWords };
  onStarted: (step: MethodSetupStep) => void;
  onCancel: () => void;
}

/** Text messages need a number first; an invalid or already-used one is reported next to the field. */
export function PhoneForm({ words, onStarted, onCancel }: PhoneFormProps) {
  const start = async (input: SignInMethodSetupInput) => {
    const result = await startMethodSetupAction(input);
    if (result && "setup" in result) {
      onStarted(result.setup);
      return null;
    }
    return result;
  };
  const { form, field, state, formProps, errorOf, pending } = useServerForm(signInMethodSetupSchema, start, { method: "sms", phone: "" }, words.schema);
  return (
    <form {...formProps} className="max-w-md space-y-4" aria-label={words.phoneAria}>
      <FormMessage state={state} />
      <input type="hidden" {...field("method")} />
      <TextField
        label={words.phone}
        type="tel"
        autoComplete="tel"
        autoFocus
        dir="ltr"
        hint={words.phoneHint}
        error={errorOf("phone")}
        {...form.register("phone")}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" pending={pending}>
          {words.send}
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onCancel} disabled={pending}>
          {words.cancel}
        </Button>
      </div>
    </form>
  );
}
