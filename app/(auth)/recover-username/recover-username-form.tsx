"use client";
import { EmailOnlyForm, type EmailOnlyWords } from "@/components/forms/email-only-form";
import type { FormWords } from "@/lib/view/form-words";
import { recoverUsernameAction, recoverUsernamePosted } from "./actions";

export function RecoverUsernameForm({ words, formWords }: { words: EmailOnlyWords; formWords: FormWords }) {
  return (
    <EmailOnlyForm
      action={recoverUsernameAction}
      posted={recoverUsernamePosted}
      permalink="/recover-username"
      email=""
      submitLabel={words.submit}
      ariaLabel={words.label}
      emailLabel={words.email}
      formWords={formWords}
    />
  );
}
