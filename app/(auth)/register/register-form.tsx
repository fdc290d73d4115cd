"use client";
import { useServerForm } from "@/components/forms/use-server-form";
import { FormMessage } from "@/components/form-message";
import { Button } from "@/components/ui/button";
import { TextField } from "@/components/ui/text-field";
import { registerPasswordlessSchema, registerSchema } from "@/lib/security/core/schemas";
import { registerAction } from "./actions";

interface RegisterFormProps {
  next?: string;
  usernames: { required: boolean } | null;
  minLength: number;
  /** SECURITY_PASSWORD_REQUIRED=false: the account may sign in by emailed code or link instead. */
  passwordOptional: boolean;
  /** SECURITY_PASSWORD_CONFIRM_REQUIRED: the password is typed twice. */
  confirmPassword: boolean;
}

export function RegisterForm({ next, usernames, minLength, passwordOptional, confirmPassword }: RegisterFormProps) {
  const { form, state, onSubmit, errorOf, pending } = useServerForm(
    passwordOptional ? registerPasswordlessSchema : (registerSchema as unknown as typeof registerPasswordlessSchema),
    registerAction,
    {
      email: "",
      username: "",
      password: "",
      passwordConfirm: "",
      next,
    },
  );
  return (
    <form onSubmit={onSubmit} noValidate className="space-y-5" aria-label="Create account">
      <FormMessage state={state} />
      <TextField
        label="Email"
        type="email"
        autoComplete="email"
        autoCapitalize="none"
        spellCheck={false}
        autoFocus
        error={errorOf("email")}
        {...form.register("email")}
      />
      {usernames ? (
        <TextField
          label={usernames.required ? "Username" : "Username (optional)"}
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          hint="Letters and numbers only."
          error={errorOf("username")}
          {...form.register("username")}
        />
      ) : null}
      <TextField
        label={passwordOptional ? "Password (optional)" : "Password"}
        type="password"
        autoComplete="new-password"
        hint={
          passwordOptional
            ? `Leave empty to sign in with a code we email you. Otherwise at least ${minLength} characters.`
            : `At least ${minLength} characters. A passphrase of a few random words works well.`
        }
        error={errorOf("password")}
        // Asked once (SECURITY_PASSWORD_CONFIRM_REQUIRED=false): the confirmation follows the password, as the server takes it.
        {...form.register(
          "password",
          confirmPassword ? {} : { onChange: (e: { target: { value: string } }) => form.setValue("passwordConfirm", e.target.value) },
        )}
      />
      {confirmPassword ? (
        <TextField
          label="Confirm password"
          type="password"
          autoComplete="new-password"
          error={errorOf("passwordConfirm")}
          {...form.register("passwordConfirm")}
        />
      ) : null}
      <input type="hidden" {...form.register("next")} />
      <Button type="submit" className="w-full" pending={pending}>
        Create account
      </Button>
    </form>
  );
}
