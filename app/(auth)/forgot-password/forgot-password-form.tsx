"use client";
import { EmailOnlyForm } from "@/components/forms/email-only-form";
import { forgotPasswordAction } from "./actions";

export function ForgotPasswordForm({ email }: { email: string }) {
  return <EmailOnlyForm action={forgotPasswordAction} email={email} submitLabel="Send reset link" ariaLabel="Reset password" />;
}
