"use client";
import { EmailOnlyForm, type EmailOnlyWords } from "@/components/forms/email-only-form";
import type { FormWords } from "@/lib/view/form-words";
import { resendConfirmationAction, resendConfirmationPosted } from "./actions";

export function ResendConfirmationForm({ email, words, formWords }: { email: string; words: EmailOnlyWords; formWords: FormWords }) {
  return (
    <EmailOnlyForm
      action={resendConfirmationAction}
      posted={resendConfirmationPosted}
      permalink="/confirm"
      email={email}
      submitLabel={words.submit}
      ariaLabel={words.label}
      emailLabel={words.email}
      formWords={formWords}
    />
  );
}
