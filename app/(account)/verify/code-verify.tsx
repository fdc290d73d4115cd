"use client";
import { useTransition } from "react";
import { FormMessage } from "@/components/form-message";
import { OneTimeCodeField } from "@/components/forms/one-time-code-field";
import { useServerForm } from "@/components/forms/use-server-form";
import { Button } from "@/components/ui/button";
import { verifyCodeSchema } from "@/lib/security/core/schemas";
import { sendVerifyCodeAction, verifyWithCodeAction } from "./actions";

import { SEND_CODE_LABELS } from "@/lib/view/labels";

/** Re-verify with a one-time code of an active sign-in method (authenticator, or one sent by email/SMS). */
export function CodeVerify({ senders, next, primary }: { senders: ("email" | "sms")[]; next?: string; primary: boolean }) {
  const { form, state, setState, onSubmit, errorOf, pending } = useServerForm(verifyCodeSchema, verifyWithCodeAction, { code: "", next });
  const [sending, startSend] = useTransition();
  const send = (method: "email" | "sms") =>
    startSend(async () => {
      setState(await sendVerifyCodeAction(method));
      form.setFocus("code");
    });
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Confirm with a code">
      <FormMessage state={state} />
      {senders.length ? (
        <div className="flex flex-wrap gap-2">
          {senders.map((m) => (
            <Button key={m} type="button" variant="secondary" size="sm" disabled={sending} onClick={() => send(m)}>
              {SEND_CODE_LABELS[m]}
            </Button>
          ))}
        </div>
      ) : null}
      <OneTimeCodeField label="One-time code" error={errorOf("code")} {...form.register("code")} />
      <input type="hidden" {...form.register("next")} />
      <Button type="submit" variant={primary ? "primary" : "secondary"} className="w-full" pending={pending}>
        Verify code
      </Button>
    </form>
  );
}
