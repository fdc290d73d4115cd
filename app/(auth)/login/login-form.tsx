"use client";
import { Link } from "@/components/ui/link";
import { lazy, Suspense, useRef, useState, type ReactNode } from "react";
import { FormMessage } from "@/components/form-message";
import { OneTimeCodeField } from "@/components/forms/one-time-code-field";
import { PasskeyButton, passkeyFailureInWords, type PasskeyErrorWords } from "@/components/passkeys/passkey-button";
import { usePasskeyAutofill } from "@/components/passkeys/use-passkey-autofill";
import { Button } from "@/components/ui/button";
import { Checkbox } from "@/components/ui/checkbox";
import { Disclosure } from "@/components/ui/disclosure";
import { OrDivider } from "@/components/ui/or-divider";
import { TextField } from "@/components/ui/text-field";
import { finishPasskeySignInAction, startPasskeySignInAction } from "./passkey-actions";
import type { SendCodeWords } from "./send-code-buttons";
import { focusField, readLoginInput, useLoginSubmit, type LoginCheckWords } from "./use-login-submit";
import type { PasswordToggleWords } from "@/lib/view/form-words";

// Fetched when the visitor asks for a code: the buttons and their server action are not first-load JavaScript.
const SendCodeButtons = lazy(() => import("./send-code-buttons").then((m) => ({ default: m.SendCodeButtons })));

const FORM_ID = "login-form";

/** The box's words in the page's language, from the server (login-view.tsx): no catalogue in the browser. */
export interface LoginWords extends LoginCheckWords {
  passwordToggle: PasswordToggleWords;
  or: string;
  formLabel: string;
  identity: string;
  password: string;
  oneTimeCode: string;
  codeHint: string;
  identityFirst: string;
  submit: string;
  withPasskey: string;
  otherWays: string;
  usePassword: string;
  useCode: string;
  remember: string;
  resendConfirmation: string;
  sendCode: SendCodeWords;
  passkey: PasskeyErrorWords;
}

interface LoginFormProps {
  next?: string;
  words: LoginWords;
  /** "email" when only an email address identifies an account (the keyboard and autofill follow). */
  identityType: "email" | "text";
  canResendConfirmation: boolean;
  /** Passkeys as a first factor: a button, and autofill in the username field. */
  passkeys: boolean;
  /** Unified sign-in: a one-time code instead of the password; these methods can send one. */
  unified: { codeMethods: ("email" | "sms")[] } | null;
  /** SECURITY_DEFAULT_REMEMBER_ME: the box starts checked. */
  defaultRemember: boolean;
  /** The other ways, rendered on the server (links, OAuth forms): under "Other ways to sign in". */
  otherWays?: ReactNode;
}

/**
 * The sign-in box (#16, decision 065): identity, password, "Sign in", the passkey button and a
 * disclosure, nothing more at first. A one-time code replaces the password on request; the rest
 * waits in a <details>, which opens with the keyboard and before (or without) JavaScript.
 */
export function LoginForm({ next, words, identityType, canResendConfirmation, passkeys, unified, defaultRemember, otherWays }: LoginFormProps) {
  const { state, setState, errors, setError, onSubmit, pending } = useLoginSubmit(words);
  const formRef = useRef<HTMLFormElement>(null);
  const detailsRef = useRef<HTMLDetailsElement>(null);
  // null until the visitor swaps: then the field that appears takes focus (the swap button hides with the disclosure).
  const [withCode, setWithCode] = useState<boolean | null>(null);
  const input = () => (formRef.current ? readLoginInput(formRef.current) : { identity: "", password: "", remember: defaultRemember });
  // "Keep me signed in" and `next` apply to a passkey sign-in too.
  const finish = (answer: { state: string; credential: unknown }) => finishPasskeySignInAction({ ...answer, remember: input().remember, next });
  // The button passes the identity typed so far (SECURITY_WAN_ALLOW_USER_HINTS); autofill runs before anything is typed.
  const passkeyActions = { start: () => startPasskeySignInAction(input().identity), finish };
  usePasskeyAutofill({ start: () => startPasskeySignInAction(), finish }, (found) => setState(passkeyFailureInWords(found, words.passkey)), passkeys);
  const needsConfirmation = state?.code === "CONFIRMATION_REQUIRED";
  const codeMethods = unified?.codeMethods ?? [];
  const swap = () => {
    setWithCode((on) => !on);
    setError("password", undefined);
    if (detailsRef.current) detailsRef.current.open = false;
  };
  const edited = (field: "identity" | "password") => () => (errors[field] ? setError(field, undefined) : undefined);
  return (
    <div className="space-y-5" data-testid="sign-in-box">
      {/* method/action: a submit before hydration posts the form (never a GET with the password in the URL). */}
      <form ref={formRef} id={FORM_ID} method="post" action="/login/session" onSubmit={onSubmit} noValidate className="space-y-5" aria-label={words.formLabel}>
        <FormMessage state={state} />
        {needsConfirmation && canResendConfirmation ? (
          <p className="text-sm">
            <Link href="/confirm" className="link">
              {words.resendConfirmation}
            </Link>
          </p>
        ) : null}
        <TextField
          label={words.identity}
          name="identity"
          type={identityType}
          autoComplete="username webauthn"
          autoCapitalize="none"
          spellCheck={false}
          autoFocus
          error={errors.identity}
          onInput={edited("identity")}
        />
        {withCode ? (
          <div className="space-y-3">
            <OneTimeCodeField
              key="code"
              label={words.oneTimeCode}
              name="password"
              autoFocus
              hint={words.codeHint}
              error={errors.password}
              onInput={edited("password")}
            />
            {codeMethods.length ? (
              <Suspense fallback={<div className="h-8" />}>
                <SendCodeButtons
                  methods={codeMethods}
                  words={words.sendCode}
                  identity={() => input().identity}
                  onMissingIdentity={() => {
                    setError("identity", words.identityFirst);
                    focusField(formRef.current, "identity");
                  }}
                  onSent={(sent) => {
                    setState(sent);
                    if (sent?.tone === "success") focusField(formRef.current, "password");
                  }}
                />
              </Suspense>
            ) : null}
          </div>
        ) : (
          <TextField
            key="password"
            label={words.password}
            name="password"
            type="password"
            passwordToggle={words.passwordToggle}
            autoComplete="current-password"
            autoFocus={withCode === false}
            error={errors.password}
            onInput={edited("password")}
          />
        )}
        {next ? <input type="hidden" name="next" value={next} /> : null}
        <Button type="submit" className="w-full" pending={pending}>
          {words.submit}
        </Button>
      </form>
      {passkeys ? (
        <>
          <OrDivider label={words.or} />
          <PasskeyButton {...passkeyActions} errors={words.passkey}>
            {words.withPasskey}
          </PasskeyButton>
        </>
      ) : null}
      <Disclosure ref={detailsRef} summary={words.otherWays} testId="other-ways">
        {unified ? (
          <Button type="button" variant="secondary" className="w-full" onClick={swap}>
            {withCode ? words.usePassword : words.useCode}
          </Button>
        ) : null}
        {otherWays}
        {/* Outside the <form> (the OAuth buttons above are forms of their own), still one of its fields. */}
        <Checkbox label={words.remember} name="remember" form={FORM_ID} defaultChecked={defaultRemember} className="border-t border-border pt-4" />
      </Disclosure>
    </div>
  );
}
