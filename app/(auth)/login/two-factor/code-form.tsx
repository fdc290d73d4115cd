"use client";
import { useActionState, useEffect } from "react";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { OneTimeCodeField } from "@/components/forms/one-time-code-field";
import { twoFactorCodeSchema } from "@/lib/security/core/schemas";
import { resendCodeAction, verifyCodeAction, verifyCodePosted } from "./actions";
import type { FormState } from "@/lib/view/form-state";
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
  const { form, state, setState, formProps, errorOf, pending } = useServerForm(
    twoFactorCodeSchema,
    verifyCodeAction,
    { code: "" },
    words.schema,
    verifyCodePosted,
  );
  // "Send a new code" is a server action of its own, posted by the browser too without a script.
  const [resent, resendAction, resending] = useActionState<FormState>(resendCodeAction, null);
  useEffect(() => {
    if (resent) form.setFocus("code");
  }, [resent, form]);

  return (
    <div className="space-y-4">
      <form {...formProps} className="space-y-5" aria-label={words.formLabel}>
        <FormMessage state={state ?? resent} />
        <OneTimeCodeField label={words.code} autoFocus error={errorOf("code")} {...form.register("code")} />
        <Button type="submit" className="w-full" pending={pending}>
          {words.verify}
        </Button>
      </form>
      {canResend ? (
        <form action={resendAction} onSubmit={() => setState(null)} className="flex justify-center">
          <Button type="submit" variant="ghost" size="sm" pending={resending} disabled={pending}>
            {words.sendNew}
          </Button>
        </form>
      ) : null}
    </div>
  );
}
