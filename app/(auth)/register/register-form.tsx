"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import type { FormWords } from "@/lib/view/form-words";
import { registerPasswordlessSchema, registerSchema } from "@/lib/security/core/schemas";
import { registerAction, registerPosted } from "./actions";

/** The form's words in the page's language, chosen by the server for the settings (optional fields, the minimum length). */
export interface RegisterFormWords {
  label: string;
  email: string;
  username: string;
  usernameHint: string;
  password: string;
  passwordHint: string;
  confirmPassword: string;
  submit: string;
}

interface RegisterFormProps {
  next?: string;
  /** SECURITY_USERNAME_ENABLE: the form asks for a username (required or not, as its label says). */
  usernames: boolean;
  /** SECURITY_PASSWORD_REQUIRED=false: the account may sign in by emailed code or link instead. */
  passwordOptional: boolean;
  /** SECURITY_PASSWORD_CONFIRM_REQUIRED: the password is typed twice. */
  confirmPassword: boolean;
  words: RegisterFormWords;
  formWords: FormWords;
}

export function RegisterForm({ next, usernames, passwordOptional, confirmPassword, words, formWords }: RegisterFormProps) {
  const { form, field, state, formProps, errorOf, pending } = useServerForm(
    passwordOptional ? registerPasswordlessSchema : (registerSchema as unknown as typeof registerPasswordlessSchema),
    registerAction,
    {
      email: "",
      username: "",
      password: "",
      passwordConfirm: "",
      next,
    },
    formWords.schema,
    registerPosted,
    // The page is prerendered too (useServerForm's permalink).
    "/register",
  );
  return (
    <form {...formProps} className="space-y-5" aria-label={words.label}>
      <FormMessage state={state} />
      <TextField
        label={words.email}
        type="email"
        // An address reads left to right, in Arabic too.
        dir="ltr"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        error={errorOf("email")}
        {...field("email")}
      />
      {usernames ? (
        <TextField
          label={words.username}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          hint={words.usernameHint}
          error={errorOf("username")}
          {...field("username")}
        />
      ) : null}
      <TextField
        label={words.password}
        type="password"
        autoComplete="new-password"
        hint={words.passwordHint}
        passwordToggle={formWords.passwordToggle}
        error={errorOf("password")}
        // Asked once (SECURITY_PASSWORD_CONFIRM_REQUIRED=false): the confirmation follows the password, as the server takes it.
        {...form.register(
          "password",
          confirmPassword ? {} : { onChange: (e: { target: { value: string } }) => form.setValue("passwordConfirm", e.target.value) },
        )}
      />
      {confirmPassword ? (
        <TextField
          label={words.confirmPassword}
          type="password"
          autoComplete="new-password"
          passwordToggle={formWords.passwordToggle}
          error={errorOf("passwordConfirm")}
          {...form.register("passwordConfirm")}
        />
      ) : null}
      <input type="hidden" {...field("next")} />
      <Button type="submit" className="w-full" pending={pending}>
        {words.submit}
      </Button>
    </form>
  );
}
