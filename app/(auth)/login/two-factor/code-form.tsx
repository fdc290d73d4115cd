"use client";
import { useTransition, type FormEvent } from "react";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { OneTimeCodeField } from "@/components/forms/one-time-code-field";
import { twoFactorCodeSchema } from "@/lib/security/core/schemas";
import { resendCodeAction, verifyCodeAction } from "./actions";
import type { SchemaWords } from "@/lib/view/schema-words";

export interface CodeFormWords {
  /** The input checks' words in the page's language (schemaWordsFor). */
  schema: SchemaWords;
  formLabel: string;
  code: string;
  verify: string;
  sendNew: string;
}

/** The 6-digit code of the user's method; email and SMS users can ask for a new one. */
export function CodeForm({ canResend, words }: { canResend: boolean; words: CodeFormWords }) {
  const { form, state, setState, onSubmit, errorOf, pending } = useServerForm(twoFactorCodeSchema, verifyCodeAction, { code: "" }, words.schema);
  const [resending, startResend] = useTransition();

  const resend = (event: FormEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setState(null);
    startResend(async () => {
      const result = await resendCodeAction();
      setState(result);
      form.setFocus("code");
    });
  };

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label={words.formLabel}>
        <FormMessage state={state} />
        <OneTimeCodeField label={words.code} autoFocus error={errorOf("code")} {...form.register("code")} />
        <Button type="submit" className="w-full" pending={pending}>
          {words.verify}
        </Button>
      </form>
      {canResend ? (
        <form onSubmit={resend} className="flex justify-center">
          <Button type="submit" variant="ghost" size="sm" pending={resending} disabled={pending}>
            {words.sendNew}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
