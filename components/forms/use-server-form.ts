"use client";
import { useActionState, useEffect, useState, type FormEvent } from "react";
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
 * The same action as the browser posts it: the form's FormData, and the state it answered before
 * (a server action; `formFields()` in lib/view/form-state.ts turns the FormData into its fields).
 */
export type PostedAction<TState = FormState> = (previous: TState, formData: FormData) => Promise<TState>;

/**
 * Another form's posted action and its state, for the second step of a two-step form: both steps
 * post to one action (it tells them apart by their fields), so a step-2 error comes back with
 * step 2 still on the page.
 */
export interface PostedBinding<TState = FormState> {
  state: TState;
  action: (formData: FormData) => void;
}

/**
 * A form submitted before the page's script has run (or with JavaScript off) and with no posted
 * action to take it: React renders a function action as a URL the browser will not follow, so the
 * submit does nothing and the typed fields stay where they are — never a GET to the page with the
 * fields, a password among them, in its query string.
 */
const waitForTheScript: PostedAction<unknown> = async (previous) => previous;

/**
 * react-hook-form + the shared zod schema on the client, then the server (a server action, or
 * a fetch to the form's route handler, as on /login) as the source of
 * truth: its field errors land next to the fields, its message in the form banner. An action that
 * succeeds usually redirects, so the promise never resolves and the button stays pending.
 * `schemaWords`: the input checks' words in the page's language (lib/view/form-words-server.ts); English without.
 *
 * `posted`: the action as the browser itself posts the form, before hydration or without
 * JavaScript — Flask-Security's forms work without a script, and so do these. React sends the
 * FormData to it and the page comes back with its state (its errors under the fields and in the
 * banner) or follows its redirect. Once hydrated, the submit goes the scripted way above
 * (`onSubmit` prevents the browser's). Spread `formProps` on the <form>.
 *
 * `permalink`: the page's own path, for a form on a page that is also prerendered (decision 067).
 * The browser posts there and the page is rendered for the answer, but from another route than
 * the prerendered copy it was read from: React finds the form the answer belongs to by its
 * permalink, where it would otherwise compare the two routes' component trees and drop it.
 */
export function useServerForm<TInput extends FieldValues, TOutput, TPosted extends FormState = FormState>(
  schema: SchemaSource<TInput, TOutput>,
  action: (input: TInput) => Promise<FormState>,
  defaultValues: DefaultValues<TInput>,
  schemaWords?: SchemaWords,
  posted?: PostedAction<TPosted> | PostedBinding<TPosted>,
  permalink?: string,
) {
  // One resolver per mounted form (the schema and the page's language are fixed for its lifetime).
  const [{ resolver, load }] = useState(() => lazyResolver(schema, schemaWords));
  useEffect(() => {
    void load();
  }, [load]);
  // What the browser's own post answered (the page rendered with it), until a scripted submit. A
  // two-step form reads its next step from it (`postedState`).
  const own = useActionState<TPosted, FormData>(
    typeof posted === "function" ? posted : (waitForTheScript as PostedAction<TPosted>),
    null as Awaited<TPosted>,
    permalink,
  );
  const [postedState, postedAction]: [TPosted, (formData: FormData) => void] =
    posted && typeof posted !== "function" ? [posted.state, posted.action] : [own[0] as TPosted, own[1]];
  // A failed post comes back with what was typed (FormState.values): the form is drawn with it.
  const typed = postedState?.values;
  const startingValues = typed ? ({ ...defaultValues, ...pick(typed, Object.keys(defaultValues)) } as DefaultValues<TInput>) : defaultValues;
  const form = useForm<TInput, unknown, TOutput>({
    resolver,
    defaultValues: startingValues,
    mode: "onSubmit",
    // Errors clear as the user fixes them; re-validating on blur would shift the layout under a click.
    reValidateMode: "onChange",
  });
  const [scriptedState, setState] = useState<FormState | undefined>(undefined);
  const state = scriptedState === undefined ? postedState : scriptedState;

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
    if (typeof error?.message === "string") return error.message;
    return scriptedState === undefined ? postedState?.fieldErrors?.[field]?.[0] : undefined;
  };

  const formProps = {
    action: postedAction,
    onSubmit: (event: FormEvent<HTMLFormElement>) => void onSubmit(event),
    noValidate: true,
  };

  /**
   * register() for a text or hidden input, with its default in the page's HTML too (react-hook-form
   * writes defaults only once hydrated): a form posted before that, or without JavaScript, sends it.
   */
  const field = (name: Path<TInput>) => {
    const value = (startingValues as Record<string, unknown>)[name];
    return { ...form.register(name), defaultValue: typeof value === "string" ? value : undefined };
  };

  // For a second step's form: this form's posted action and what it last answered.
  const posting: PostedBinding<TPosted> = { state: postedState, action: postedAction };

  return {
    form,
    state,
    setState,
    formProps,
    field,
    postedState: scriptedState === undefined ? postedState : null,
    posting,
    errorOf,
    pending: form.formState.isSubmitting,
  };
}

function pick(values: Record<string, string>, names: string[]): Record<string, string> {
  return Object.fromEntries(names.filter((name) => Object.hasOwn(values, name)).map((name) => [name, values[name]!]));
}
