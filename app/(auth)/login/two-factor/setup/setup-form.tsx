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
import { setupPosted, startSetupAction } from "./actions";
import { SetupVerify } from "./setup-verify";
import type { SetupDetails, SetupWords } from "./setup-types";

interface SetupFormProps {
  methods: MethodOption[];
  /** Where email codes go (shown in step 2). */
  email: string;
  words: SetupWords;
}

/** Two steps on one page: choose a method, then prove it works with its first code. */
export function SetupForm({ methods, email, words }: SetupFormProps) {
  const [choice, setChoice] = useState<TwoFactorSetupInput>({ method: methods[0]?.value ?? "authenticator", phone: "" });
  const [setup, setSetup] = useState<SetupDetails | null>(null);
  if (setup) return <SetupVerify setup={setup} email={email} words={words} onBack={() => setSetup(null)} />;
  return (
    <MethodStep
      methods={methods}
      email={email}
      words={words}
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
  email: string;
  words: SetupWords;
  initial: TwoFactorSetupInput;
  onStarted: (input: TwoFactorSetupInput, details: SetupDetails) => void;
}

function MethodStep({ methods, email, words, initial, onStarted }: MethodStepProps) {
  const start = async (input: TwoFactorSetupInput): Promise<FormState> => {
    const result = await startSetupAction(input);
    if (result?.setup) onStarted(input, result.setup);
    return result;
  };
  const { form, state, formProps, postedState, posting, errorOf, pending } = useServerForm(twoFactorSetupSchema, start, initial, words.schema, setupPosted);
  const method = useWatch({ control: form.control, name: "method" });
  // Step 2 came back in the page when the browser posted step 1 itself (no script yet, or none);
  // its form posts to the same action (`posting`), so a wrong code comes back with step 2.
  const [postedStepLeft, setPostedStepLeft] = useState(false);
  if (!postedStepLeft && postedState?.setup) {
    return <SetupVerify setup={postedState.setup} email={email} words={words} posted={posting} onBack={() => setPostedStepLeft(true)} />;
  }
  return (
    <form {...formProps} className="space-y-5" aria-label={words.formLabel}>
      <FormMessage state={state} />
      <MethodFields
        methods={methods}
        words={words.fields}
        register={form.register}
        selected={method}
        phone={form.formState.defaultValues?.phone}
        legend={words.legend}
        autoFocus
        methodError={errorOf("method")}
        phoneError={errorOf("phone")}
      />
      <Button type="submit" className="w-full" pending={pending}>
        {words.continue}
      </Button>
    </form>
  );
}
