"use client";
import { zodResolver } from "@hookform/resolvers/zod";
import { useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path } from "react-hook-form";
import type { $ZodType } from "zod/v4/core";
import type { FormState } from "@/lib/form-state";

/**
 * react-hook-form + the shared zod schema on the client, then the server action as the source of
 * truth: its field errors land next to the fields, its message in the form banner. An action that
 * succeeds usually redirects, so the promise never resolves and the button stays pending.
 */
export function useServerForm<TInput extends FieldValues, TOutput>(
  schema: $ZodType<TOutput, TInput>,
  action: (input: TInput) => Promise<FormState>,
  defaultValues: DefaultValues<TInput>,
) {
  const form = useForm<TInput, unknown, TOutput>({
    resolver: zodResolver(schema),
    defaultValues,
    mode: "onSubmit",
    // Errors clear as the user fixes them; re-validating on blur would shift the layout under a click.
    reValidateMode: "onChange",
  });
  const [state, setState] = useState<FormState>(null);

  const onSubmit = form.handleSubmit(async () => {
    setState(null);
    const result = await action(form.getValues());
    setState(result);
    for (const [field, messages] of Object.entries(result?.fieldErrors ?? {})) {
      if (field && messages?.[0]) form.setError(field as Path<TInput>, { type: "server", message: messages[0] });
    }
  });

  const errorOf = (field: Path<TInput>): string | undefined => {
    const error = form.formState.errors[field];
    return typeof error?.message === "string" ? error.message : undefined;
  };

  return { form, state, setState, onSubmit, errorOf, pending: form.formState.isSubmitting };
}
