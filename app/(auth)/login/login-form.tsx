"use client";
import Link from "next/link";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { OrDivider } from "@/components/ui/or-divider";
import { PasskeyButton } from "@/components/passkeys/passkey-button";
import { usePasskeyAutofill } from "@/components/passkeys/use-passkey-autofill";
import { SendCodeButtons } from "./send-code-buttons";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { TextField } from "@/components/ui/text-field";
import { finishPasskeySignInAction, startPasskeySignInAction } from "./passkey-actions";
import { submitLogin } from "./submit-login";

// Loaded after hydration: keeps zod out of the sign-in page's first-load JavaScript.
const loadLoginSchema = () => import("@/lib/security/core/schemas").then((m) => m.loginSchema);

interface LoginFormProps {
  next?: string;
  identityLabel: string;
  canReset: boolean;
  /** Usernames identify accounts and may be recovered by email (/recover-username). */
  canRecoverUsername: boolean;
  canResendConfirmation: boolean;
  /** Passkeys as a first factor: a button, and autofill in the username field. */
  passkeys: boolean;
  /** Unified sign-in: the password field also takes one-time codes; these methods can send one. */
  unified: { codeMethods: ("email" | "sms")[] } | null;
  /** SECURITY_DEFAULT_REMEMBER_ME: the box starts checked. */
  defaultRemember: boolean;
}

export function LoginForm({ next, identityLabel, canReset, canRecoverUsername, canResendConfirmation, passkeys, unified, defaultRemember }: LoginFormProps) {
  const { form, state, setState, onSubmit, errorOf, pending } = useServerForm(loadLoginSchema, submitLogin, {
    identity: "",
    password: "",
    remember: defaultRemember,
    next,
  });
  // "Keep me signed in" and `next` apply to a passkey sign-in too.
  const finish = (answer: { state: string; credential: unknown }) => finishPasskeySignInAction({ ...answer, remember: form.getValues("remember"), next });
  // The button passes the identity typed so far (SECURITY_WAN_ALLOW_USER_HINTS); autofill runs before anything is typed.
  const passkeyActions = { start: () => startPasskeySignInAction(form.getValues("identity")), finish };
  usePasskeyAutofill({ start: () => startPasskeySignInAction(), finish }, setState, passkeys);
  const needsConfirmation = state?.code === "CONFIRMATION_REQUIRED";
  return (
    <div className="space-y-5">
      {/* method/action: a submit before hydration posts the form (never a GET with the password in the URL). */}
      <form method="post" action="/login/session" onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Sign in">
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
          <TextField
            label="Password"
            type="password"
            autoComplete="current-password"
            hint={unified ? "Or a one-time code: from your authenticator app, or one we send you." : undefined}
            error={errorOf("password")}
            {...form.register("password")}
          />
          {canReset || canRecoverUsername ? (
            <div className="flex flex-wrap justify-end gap-x-4 text-sm">
              {canRecoverUsername ? (
                <Link href="/recover-username" className="link">
                  Forgot your username?
                </Link>
              ) : null}
              {canReset ? (
                <Link href="/forgot-password" className="link">
                  Forgot your password?
                </Link>
              ) : null}
            </div>
          ) : null}
        </div>
        {unified?.codeMethods.length ? <SendCodeButtons methods={unified.codeMethods} form={form} onSent={setState} /> : null}
        <Checkbox label="Keep me signed in on this device" defaultChecked={defaultRemember} {...form.register("remember")} />
        <input type="hidden" defaultValue={next ?? ""} {...form.register("next")} />
        <Button type="submit" className="w-full" pending={pending}>
          Sign in
        </Button>
      </form>
      {passkeys ? (
        <>
          <OrDivider />
          <PasskeyButton {...passkeyActions}>Sign in with a passkey</PasskeyButton>
        </>
      ) : null}
    </div>
  );
}
