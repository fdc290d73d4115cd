"use client";
import { useTransition, type FormEvent } from "react";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { OneTimeCodeField } from "@/components/forms/one-time-code-field";
import { twoFactorCodeSchema } from "@/lib/security/core/schemas";
import { resendCodeAction, verifyCodeAction } from "./actions";

/** The 6-digit code of the user's method; email and SMS users can ask for a new one. */
export function CodeForm({ canResend }: { canResend: boolean }) {
  const { form, state, setState, onSubmit, errorOf, pending } = useServerForm(twoFactorCodeSchema, verifyCodeAction, { code: "" });
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
      <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Verify your sign-in">
        <FormMessage state={state} />
        <OneTimeCodeField autoFocus error={errorOf("code")} {...form.register("code")} />
        <Button type="submit" className="w-full" pending={pending}>
          Verify
        </Button>
      </form>
      {canResend ? (
        <form onSubmit={resend} className="flex justify-center">
          <Button type="submit" variant="ghost" size="sm" pending={resending} disabled={pending}>
            Send a new code
          </Button>
        </form>
      ) : null}
    </div>
  );
}
