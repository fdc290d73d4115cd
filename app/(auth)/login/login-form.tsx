"use client";
import Link from "next/link";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { TextField } from "@/components/ui/text-field";
import { loginAction } from "./actions";

// Loaded after hydration: keeps zod out of the sign-in page's first-load JavaScript.
const loadLoginSchema = () => import("@/lib/security/schemas").then((m) => m.loginSchema);

interface LoginFormProps {
  next?: string;
  identityLabel: string;
  canReset: boolean;
  canResendConfirmation: boolean;
}

export function LoginForm({ next, identityLabel, canReset, canResendConfirmation }: LoginFormProps) {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(loadLoginSchema, loginAction, {
    identity: "",
    password: "",
    remember: false,
    next,
  });
  const needsConfirmation = state?.code === "CONFIRMATION_REQUIRED";
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Sign in">
      <FormMessage state={state} />
      {needsConfirmation && canResendConfirmation ? (
        <p className="text-sm">
          <Link href="/confirm" className="link">
            Resend the confirmation email
          </Link>
        </p>
      ) : null}
      <TextField
        label={identityLabel}
        type={identityLabel === "Email" ? "email" : "text"}
        autoComplete="username webauthn"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        error={errorOf("identity")}
        {...form.register("identity")}
      />
      <div className="space-y-1">
        <TextField label="Password" type="password" autoComplete="current-password" error={errorOf("password")} {...form.register("password")} />
        {canReset ? (
          <div className="text-right text-sm">
            <Link href="/forgot-password" className="link">
              Forgot your password?
            </Link>
          </div>
        ) : null}
      </div>
      <Checkbox label="Keep me signed in on this device" {...form.register("remember")} />
      <input type="hidden" {...form.register("next")} />
      <Button type="submit" className="w-full" pending={pending}>
        Sign in
      </Button>
    </form>
  );
}
