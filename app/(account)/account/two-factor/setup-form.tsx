"use client";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { TwoFactorMethod } from "@/lib/security/config";
import { twoFactorSetupSchema, type TwoFactorSetupInput } from "@/lib/security/schemas";
import { startTwoFactorSetupAction, type SetupStep } from "./actions";
import { ConfirmStep } from "./confirm-step";

export interface MethodOption {
  value: TwoFactorMethod;
  label: string;
  description: string;
}

interface SetupFormProps {
  methods: MethodOption[];
  currentMethod: TwoFactorMethod | null;
}

/**
 * Set up or change the method, in two steps: choose (the server proposes a secret and, for
 * email/sms, sends a code), then prove it with a code. Nothing is saved before step 2.
 */
export function SetupForm({ methods, currentMethod }: SetupFormProps) {
  const [setup, setSetup] = useState<SetupStep | null>(null);
  const start = async (input: TwoFactorSetupInput) => {
    const result = await startTwoFactorSetupAction(input);
    if (result && "setup" in result) {
      setSetup(result.setup);
      return null;
    }
    return result;
  };
  const { form, state, onSubmit, errorOf, pending } = useServerForm(twoFactorSetupSchema, start, {
    method: currentMethod ?? methods[0]?.value,
    phone: "",
  });
  const method = useWatch({ control: form.control, name: "method" });

  if (setup) return <ConfirmStep setup={setup} switching={currentMethod !== null} onRestart={() => setSetup(null)} />;

  return (
    <form onSubmit={onSubmit} noValidate className="max-w-xl space-y-5" aria-label={currentMethod ? "Change two-factor method" : "Set up two-factor"}>
      <FormMessage state={state} />
      <fieldset aria-describedby={errorOf("method") ? "method-error" : undefined}>
        <legend className="text-sm font-medium text-zinc-900 dark:text-zinc-100">Method</legend>
        <div className="mt-2 grid gap-2">
          {methods.map((option) => (
            <label
              key={option.value}
              className="flex cursor-pointer gap-3 rounded-lg border border-zinc-200 p-3.5 text-sm transition-colors hover:bg-zinc-50 has-checked:border-brand-600 has-checked:bg-brand-50/60 has-focus-visible:outline-2 has-focus-visible:outline-offset-2 has-focus-visible:outline-(--focus-ring) dark:border-zinc-800 dark:hover:bg-zinc-800/50 dark:has-checked:border-brand-400 dark:has-checked:bg-brand-500/10"
            >
              <input
                type="radio"
                value={option.value}
                aria-describedby={`method-${option.value}-description`}
                className="mt-0.5 size-4 shrink-0 cursor-pointer accent-brand-600 outline-none dark:accent-brand-500"
                {...form.register("method")}
              />
              <span className="min-w-0">
                <span className="block font-medium text-zinc-900 dark:text-zinc-100">
                  {option.label}
                  {option.value === currentMethod ? <span className="ml-2 text-xs font-normal text-muted">(current)</span> : null}
                </span>
                <span id={`method-${option.value}-description`} className="block text-muted">
                  {option.description}
                </span>
              </span>
            </label>
          ))}
        </div>
        {errorOf("method") ? (
          <p id="method-error" className="mt-1.5 text-sm text-red-700 dark:text-red-400">
            {errorOf("method")}
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
      <Button type="submit" pending={pending}>
        Continue
      </Button>
    </form>
  );
}
