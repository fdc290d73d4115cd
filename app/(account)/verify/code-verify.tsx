"use client";
import { useTransition } from "react";
import { FormMessage } from "@/components/form-message";
import { OneTimeCodeField } from "@/components/forms/one-time-code-field";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { verifyCodeSchema } from "@/lib/security/core/schemas";
import { sendVerifyCodeAction, verifyWithCodeAction, verifyWithCodePosted } from "./actions";
import type { SchemaWords } from "@/lib/view/schema-words";

interface CodeVerifyWords {
  /** The input checks' words in the page's language (schemaWordsFor). */
  schema: SchemaWords;
  formLabel: string;
  code: string;
  submit: string;
  /** The send buttons. */
  email: string;
  sms: string;
}

/** Re-verify with a one-time code of an active sign-in method (authenticator, or one sent by email/SMS). */
export function CodeVerify({ senders, next, primary, words }: { senders: ("email" | "sms")[]; next?: string; primary: boolean; words: CodeVerifyWords }) {
  const { form, field, state, setState, formProps, errorOf, pending } = useServerForm(
    verifyCodeSchema,
    verifyWithCodeAction,
    { code: "", next },
    words.schema,
    verifyWithCodePosted,
  );
  const [sending, startSend] = useTransition();
  const send = (method: "email" | "sms") =>
    startSend(async () => {
      setState(await sendVerifyCodeAction(method));
      form.setFocus("code");
    });
  return (
    <form {...formProps} className="space-y-4" aria-label={words.formLabel}>
      <FormMessage state={state} />
      {senders.length ? (
        <div className="flex flex-wrap gap-2">
          {senders.map((m) => (
            <Button key={m} type="button" variant="secondary" size="sm" disabled={sending} onClick={() => send(m)}>
              {words[m]}
            </Button>
          ))}
        </div>
      ) : null}
      <OneTimeCodeField label={words.code} error={errorOf("code")} {...form.register("code")} />
      <input type="hidden" {...field("next")} />
      <Button type="submit" variant={primary ? "primary" : "secondary"} className="w-full" pending={pending}>
        {words.submit}
      </Button>
    </form>
  );
}
