"use client";
import { EmailOnlyForm } from "@/components/forms/email-only-form";
import { resendConfirmationAction } from "./actions";

export function ResendConfirmationForm({ email }: { email: string }) {
  return <EmailOnlyForm action={resendConfirmationAction} email={email} submitLabel="Send confirmation link" ariaLabel="Resend confirmation" />;
}
