"use client";
import { EmailOnlyForm, type EmailOnlyWords } from "@/components/forms/email-only-form";
import type { FormWords } from "@/lib/view/form-words";
import { forgotPasswordAction, forgotPasswordPosted } from "./actions";

export function ForgotPasswordForm({ email, words, formWords }: { email: string; words: EmailOnlyWords; formWords: FormWords }) {
  return (
    <EmailOnlyForm
      action={forgotPasswordAction}
      posted={forgotPasswordPosted}
      permalink="/forgot-password"
      email={email}
      submitLabel={words.submit}
      ariaLabel={words.label}
      emailLabel={words.email}
      formWords={formWords}
    />
  );
}
