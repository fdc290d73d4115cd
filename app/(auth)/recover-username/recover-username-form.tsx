"use client";
import { EmailOnlyForm } from "@/components/forms/email-only-form";
import { recoverUsernameAction } from "./actions";

export function RecoverUsernameForm() {
  return <EmailOnlyForm action={recoverUsernameAction} email="" submitLabel="Email me my username" ariaLabel="Recover username" />;
}
