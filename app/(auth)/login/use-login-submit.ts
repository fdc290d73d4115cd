"use client";
import { useEffect, useRef, useState, type FormEvent } from "react";
import type { FormState } from "@/lib/view/form-state";
import type { LoginInput } from "@/lib/security/core/schemas";
import type { SchemaWords } from "@/lib/view/schema-words";
import { submitLogin, type SubmitWords } from "./submit-login";

export type LoginField = "identity" | "password";
type FieldErrors = Partial<Record<LoginField, string>>;
type Check = (input: LoginInput) => FieldErrors;

const FIELDS: readonly LoginField[] = ["identity", "password"];

/** The words of the checks made in the browser: the few the sign-in schema can fail, in the page's language. */
export interface LoginCheckWords extends SubmitWords {
  schema: Pick<SchemaWords, "emailMissing" | "passwordMissing" | "invalidText" | "tooLong" | "passwordTooLong">;
}

/**
 * The shared schema and its plain words, loaded after hydration: zod stays out of the sign-in
 * page's first-load JavaScript (DESIGN.md principle 12). The first submit waits for them; if they
 * cannot load, the server checks the same fields and answers in the same words.
 */
const loadCheck = (words: LoginCheckWords["schema"]): Promise<Check> =>
  Promise.all([import("@/lib/security/core/schemas"), import("@/lib/view/schema-words")]).then(
    ([{ loginSchema, fieldErrorsFrom }, { plainSchemaText, ENGLISH_SCHEMA_WORDS }]) =>
      (input) => {
        const parsed = loginSchema.safeParse(input);
        const all = { ...ENGLISH_SCHEMA_WORDS, ...words };
        return parsed.success ? {} : firstOfEach(fieldErrorsFrom(parsed.error), (text) => plainSchemaText(text, all));
      },
    () => () => ({}),
  );

function firstOfEach(all: Record<string, string[]> | undefined, words: (text: string) => string = (t) => t): FieldErrors {
  const out: FieldErrors = {};
  for (const field of FIELDS) {
    const message = all?.[field]?.[0];
    if (message) out[field] = words(message);
  }
  return out;
}

/** The form's fields as POST /login/session reads them (the remember box may sit outside the <form>: form="…"). */
export function readLoginInput(form: HTMLFormElement): LoginInput {
  const data = new FormData(form);
  const text = (name: string): string => {
    const value = data.get(name);
    return typeof value === "string" ? value : "";
  };
  return { identity: text("identity"), password: text("password"), remember: data.get("remember") === "on", next: text("next") || undefined };
}

export function focusField(form: HTMLFormElement | null, field: LoginField): void {
  const element = form?.elements.namedItem(field);
  if (element instanceof HTMLElement) element.focus();
}

/**
 * The sign-in form without a form library (react-hook-form was 12.5 kB of /login's first load):
 * the inputs are uncontrolled, a submit reads them, checks them with the lazily loaded schema,
 * then sends them (submit-login.ts). Errors land under their field, the first one gets focus,
 * and a field's error clears as soon as it is edited.
 */
export function useLoginSubmit(words: LoginCheckWords) {
  const [state, setState] = useState<FormState>(null);
  const [errors, setErrors] = useState<FieldErrors>({});
  const [pending, setPending] = useState(false);
  const check = useRef<Promise<Check> | null>(null);
  useEffect(() => {
    check.current ??= loadCheck(words.schema);
    // The words are the page's, fixed for its life: load the check once.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const show = (form: HTMLFormElement, found: FieldErrors): boolean => {
    setErrors(found);
    const first = FIELDS.find((field) => found[field]);
    if (first) focusField(form, first);
    return Boolean(first);
  };

  const onSubmit = async (event: FormEvent<HTMLFormElement>): Promise<void> => {
    event.preventDefault();
    const form = event.currentTarget;
    const input = readLoginInput(form);
    setState(null);
    setPending(true);
    try {
      if (show(form, (await (check.current ??= loadCheck(words.schema)))(input))) return;
      const result = await submitLogin(input, words);
      setState(result);
      show(form, firstOfEach(result?.fieldErrors));
    } finally {
      setPending(false);
    }
  };

  const setError = (field: LoginField, message: string | undefined): void => setErrors((all) => ({ ...all, [field]: message }));
  return { state, setState, errors, setError, onSubmit, pending };
}
