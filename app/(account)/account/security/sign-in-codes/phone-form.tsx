"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { signInMethodSetupSchema, type SignInMethodSetupInput } from "@/lib/security/core/schemas";
import { startMethodSetupAction, type MethodSetupStep } from "./actions";

interface PhoneFormProps {
  onStarted: (step: MethodSetupStep) => void;
  onCancel: () => void;
}

/** Text messages need a number first; an invalid or already-used one is reported next to the field. */
export function PhoneForm({ onStarted, onCancel }: PhoneFormProps) {
  const start = async (input: SignInMethodSetupInput) => {
    const result = await startMethodSetupAction(input);
    if (result && "setup" in result) {
      onStarted(result.setup);
      return null;
    }
    return result;
  };
  const { form, state, onSubmit, errorOf, pending } = useServerForm(signInMethodSetupSchema, start, { method: "sms", phone: "" });
  return (
    <form onSubmit={onSubmit} noValidate className="max-w-md space-y-4" aria-label="Text message sign-in">
      <FormMessage state={state} />
      <input type="hidden" {...form.register("method")} />
      <TextField
        label="Phone number"
        type="tel"
        autoComplete="tel"
        autoFocus
        hint="Include the country code, e.g. +1 415 555 0132"
        error={errorOf("phone")}
        {...form.register("phone")}
      />
      <div className="flex flex-wrap gap-2">
        <Button type="submit" size="sm" pending={pending}>
          Send code
        </Button>
        <Button type="button" variant="ghost" size="sm" onClick={onCancel} disabled={pending}>
          Cancel
        </Button>
      </div>
    </form>
  );
}
