"use client";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { MethodFields } from "@/components/two-factor/method-fields";
import type { MethodOption } from "@/lib/view/two-factor-types";
import type { FormState } from "@/lib/view/form-state";
import { twoFactorSetupSchema, type TwoFactorSetupInput } from "@/lib/security/core/schemas";
import { startSetupAction } from "./actions";
import { SetupVerify } from "./setup-verify";
import type { SetupDetails } from "./setup-types";

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
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Choose a two-factor method">
      <FormMessage state={state} />
      <MethodFields
        methods={methods}
        register={form.register}
        selected={method}
        legend="How do you want to get your codes?"
        autoFocus
        methodError={errorOf("method")}
        phoneError={errorOf("phone")}
      />
      <Button type="submit" className="w-full" pending={pending}>
        Continue
      </Button>
    </form>
  );
}
