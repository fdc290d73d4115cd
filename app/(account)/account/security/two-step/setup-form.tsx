"use client";
import { useState } from "react";
import { useWatch } from "react-hook-form";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { MethodFields, type MethodFieldsWords } from "@/components/two-factor/method-fields";
import { ProveMethodForm, type ProveMethodWords } from "@/components/two-factor/prove-method-form";
import type { MethodOption } from "@/lib/view/two-factor-types";
import type { SchemaWords } from "@/lib/view/schema-words";
import type { TwoFactorMethod } from "@/lib/security/config";
import { twoFactorSetupSchema, type TwoFactorSetupInput } from "@/lib/security/core/schemas";
import { confirmTwoFactorSetupAction, startTwoFactorSetupAction, twoFactorSetupPosted, type SetupStep } from "./actions";

/** The page's words (account.twoStep), already chosen for "set up" or "change". */
export interface SetupWords {
  verifyLabel: string;
  submit: string;
  startOver: string;
  form: string;
  legend: string;
  continue: string;
  schema: SchemaWords;
}

interface SetupFormProps {
  methods: MethodOption[];
  currentMethod: TwoFactorMethod | null;
  /** A method the visitor came here to set up (?method=), when it is not the current one. */
  initialMethod?: TwoFactorMethod | null;
  /** The page's words, and the shared components' (lib/view/sign-in-words.ts), in the page's language. */
  words: SetupWords & { fields: MethodFieldsWords; prove: ProveMethodWords };
}

/**
 * Set up or change the method, in two steps: choose (the server proposes a secret and, for
 * email/sms, sends a code), then prove it with a code. Nothing is saved before step 2.
 */
export function SetupForm({ methods, currentMethod, initialMethod = null, words }: SetupFormProps) {
  const [setup, setSetup] = useState<SetupStep | null>(null);
  const start = async (input: TwoFactorSetupInput) => {
    const result = await startTwoFactorSetupAction(input);
    if (result && "setup" in result) {
      setSetup(result.setup);
      return null;
    }
    return result;
  };
  const { form, state, formProps, postedState, posting, errorOf, pending } = useServerForm(
    twoFactorSetupSchema,
    start,
    { method: initialMethod ?? currentMethod ?? methods[0]?.value, phone: "" },
    words.schema,
    twoFactorSetupPosted,
  );
  const method = useWatch({ control: form.control, name: "method" });
  // Step 2 came back in the page when the browser posted step 1 itself (no script yet, or none);
  // its form posts to the same action (`posting`), so a wrong code comes back with step 2.
  const [postedStepLeft, setPostedStepLeft] = useState(false);
  const step = setup ?? (!postedStepLeft && postedState && "setup" in postedState ? postedState.setup : null);

  if (step) {
    return (
      <ProveMethodForm
        setup={step}
        words={words.prove}
        confirm={confirmTwoFactorSetupAction}
        posted={posting}
        label={words.verifyLabel}
        submitLabel={words.submit}
        cancelLabel={words.startOver}
        onCancel={() => {
          setSetup(null);
          setPostedStepLeft(true);
        }}
      />
    );
  }

  return (
    <form {...formProps} className="max-w-xl space-y-5" aria-label={words.form}>
      <FormMessage state={state} />
      <MethodFields
        methods={methods}
        words={words.fields}
        register={form.register}
        selected={method}
        phone={form.formState.defaultValues?.phone}
        current={currentMethod}
        legend={words.legend}
        methodError={errorOf("method")}
        phoneError={errorOf("phone")}
      />
      <Button type="submit" pending={pending}>
        {words.continue}
      </Button>
    </form>
  );
}
