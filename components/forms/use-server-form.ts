"use client";
import { useEffect, useState } from "react";
import { useForm, type DefaultValues, type FieldValues, type Path, type Resolver } from "react-hook-form";
import type { $ZodType } from "zod/v4/core";
import type { FormState } from "@/lib/view/form-state";
import type { SchemaWords } from "@/lib/view/schema-words";

/**
 * The shared zod schema, or a loader for it. A form on a page where first-load JavaScript counts
 * (sign-in) passes a loader: zod and the resolver (~20 kB gzipped) are then fetched right after
 * hydration instead of before it, and the first submit waits for them if they are not there yet.
 */
export type SchemaSource<TInput, TOutput> = $ZodType<TOutput, TInput> | (() => Promise<$ZodType<TOutput, TInput>>);

function lazyResolver<TInput extends FieldValues, TOutput>(source: SchemaSource<TInput, TOutput>, words: SchemaWords | undefined) {
  let loaded: Promise<Resolver<TInput, unknown, TOutput>> | undefined;
  const load = () =>
    (loaded ??= Promise.all([import("@hookform/resolvers/zod"), import("@/lib/view/schema-words"), typeof source === "function" ? source() : source]).then(
      ([{ zodResolver }, { plainSchemaText }, schema]): Resolver<TInput, unknown, TOutput> => {
        const check = zodResolver<TInput, unknown, TOutput>(schema);
        // The shared schema words its checks as Flask-Security does (the API sends them); the form
        // says them in the product's words. The table loads with zod, after hydration, not before.
        return async (values, context, options) => {
          const result = await check(values, context, options);
          for (const error of Object.values(result.errors)) {
            if (error && typeof error.message === "string") error.message = plainSchemaText(error.message, words);
          }
          return result;
        };
      },
    ));
  const resolver: Resolver<TInput, unknown, TOutput> = async (values, context, options) => (await load())(values, context, options);
  return { resolver, load };
}

/**
 * react-hook-form + the shared zod schema on the client, then the server (a server action, or
 * a fetch to the form's route handler, as on /login) as the source of
 * truth: its field errors land next to the fields, its message in the form banner. An action that
 * succeeds usually redirects, so the promise never resolves and the button stays pending.
 * `schemaWords`: the input checks' words in the page's language (lib/view/form-words-server.ts); English without.
 */
export function useServerForm<TInput extends FieldValues, TOutput>(
  schema: SchemaSource<TInput, TOutput>,
  action: (input: TInput) => Promise<FormState>,
  defaultValues: DefaultValues<TInput>,
  schemaWords?: SchemaWords,
) {
  // One resolver per mounted form (the schema and the page's language are fixed for its lifetime).
  const [{ resolver, load }] = useState(() => lazyResolver(schema, schemaWords));
  useEffect(() => {
    void load();
  }, [load]);
  const form = useForm<TInput, unknown, TOutput>({
    resolver,
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
