import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { getConfig } from "@/lib/security/config";
import { checkResetToken } from "@/lib/security/passwords/reset";
import { ResetPasswordForm } from "./reset-password-form";

export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };

export default async function ResetPasswordPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const state = await checkResetToken(token);
  if (state !== "valid") {
    redirect(`/forgot-password?notice=${state === "expired" ? "PASSWORD_RESET_EXPIRED" : "INVALID_RESET_PASSWORD_TOKEN"}`);
  }
  const config = getConfig();
  return (
    <AuthShell appName={config.appName} title="Choose a new password" description="Every device signed in to your account will be signed out.">
      <ResetPasswordForm token={token} minLength={config.password.minLength} />
    </AuthShell>
  );
}
