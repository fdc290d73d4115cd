"use client";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { FormState } from "@/lib/form-state";
import { twoFactorSetupSchema, type TwoFactorSetupInput } from "@/lib/security/schemas";
import { startSetupAction } from "./actions";
import { SetupVerify } from "./setup-verify";
import type { MethodOption, SetupDetails } from "./setup-types";

interface SetupFormProps {
  methods: MethodOption[];
  /** Where email codes go (shown in step 2). */
  email: string;
}

/** Two steps on one page: choose a method, then prove it works with its first code. */
export function SetupForm({ methods, email }: SetupFormProps) {
  const [choice, setChoice] = useState<TwoFactorSetupInput>({ method: methods[0]?.value ?? "authenticator", phone: "" });
  const [setup, setSetup] = useState<SetupDetails | null>(null);
  if (setup) return <SetupVerify setup={setup} email={email} onBack={() => setSetup(null)} />;
  return (
    <MethodStep
      methods={methods}
      initial={choice}
      onStarted={(input, details) => {
        setChoice(input);
        setSetup(details);
      }}
    />
  );
}

const optionClasses =
  "flex cursor-pointer items-start gap-3 rounded-lg border border-zinc-300 p-3.5 transition-colors hover:bg-zinc-50 has-checked:border-brand-600 has-checked:bg-brand-50/70 has-checked:ring-1 has-checked:ring-brand-600 dark:border-zinc-700 dark:hover:bg-zinc-800/60 dark:has-checked:border-brand-400 dark:has-checked:bg-brand-950/40 dark:has-checked:ring-brand-400";

interface MethodStepProps {
  methods: MethodOption[];
  initial: TwoFactorSetupInput;
  onStarted: (input: TwoFactorSetupInput, details: SetupDetails) => void;
}

function MethodStep({ methods, initial, onStarted }: MethodStepProps) {
  const start = async (input: TwoFactorSetupInput): Promise<FormState> => {
    const result = await startSetupAction(input);
    if (result?.setup) onStarted(input, result.setup);
    return result;
  };
  const { form, state, onSubmit, errorOf, pending } = useServerForm(twoFactorSetupSchema, start, initial);
  const method = useWatch({ control: form.control, name: "method" });
  const methodError = errorOf("method");
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Choose a two-factor method">
      <FormMessage state={state} />
      <fieldset aria-describedby={methodError ? "method-error" : undefined}>
        <legend className="mb-3 text-sm font-medium text-zinc-900 dark:text-zinc-100">How do you want to get your codes?</legend>
        <div className="space-y-3">
          {methods.map((option) => (
            <label key={option.value} className={optionClasses}>
              <input
                type="radio"
                value={option.value}
                autoFocus={option.value === initial.method}
                aria-describedby={`method-${option.value}-description`}
                className="mt-0.5 size-4 shrink-0 cursor-pointer accent-brand-600 dark:accent-brand-400"
                {...form.register("method")}
              />
              <span className="min-w-0 text-sm">
                <span className="block font-medium text-zinc-900 dark:text-zinc-100">{option.label}</span>
                <span id={`method-${option.value}-description`} className="block text-zinc-600 dark:text-zinc-400">
                  {option.description}
                </span>
              </span>
            </label>
          ))}
        </div>
        {methodError ? (
          <p id="method-error" data-testid="method-error" className="mt-1.5 text-sm text-red-700 dark:text-red-400">
            {methodError}
          </p>
        ) : null}
      </fieldset>
      {method === "sms" ? (
        <TextField
          label="Phone number"
          type="tel"
          autoComplete="tel"
          hint="Include the country code, e.g. +1 415 555 0132"
          error={errorOf("phone")}
          {...form.register("phone")}
        />
      ) : null}
      <Button type="submit" className="w-full" pending={pending}>
        Continue
      </Button>
    </form>
  );
}
