"use client";
import { EmailOnlyForm, type EmailOnlyWords } from "@/components/forms/email-only-form";
import type { FormWords } from "@/lib/view/form-words";
import { recoverUsernameAction } from "./actions";

export function RecoverUsernameForm({ words, formWords }: { words: EmailOnlyWords; formWords: FormWords }) {
  return (
    <EmailOnlyForm action={recoverUsernameAction} email="" submitLabel={words.submit} ariaLabel={words.label} emailLabel={words.email} formWords={formWords} />
  );
}
