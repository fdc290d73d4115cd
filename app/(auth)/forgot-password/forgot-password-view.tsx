import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { NoticeBanner } from "@/components/notice-banner";
import type { Notice } from "@/lib/view/notices";
import { staticPageSettings } from "@/lib/view/static-settings";
import { ForgotPasswordForm } from "./forgot-password-form";

export const forgotPasswordMetadata: Metadata = { title: "Reset your password" };

/** The reset request page, prerendered for a bare /forgot-password, per request otherwise (decision 067). */
export function ForgotPasswordView({ email = "", notice = null }: { email?: string; notice?: Notice | null }) {
  const config = staticPageSettings();
  if (!config.features.recoverable) notFound();
  return (
    <AuthShell
      appName={config.appName}
      title="Reset your password"
      description="Enter the email address of your account and we will send you a link to choose a new password."
      footer={
        <p>
          Remembered it?{" "}
          <Link href="/login" className="link">
            Sign in
          </Link>
        </p>
      }
    >
      <NoticeBanner notice={notice} />
      <ForgotPasswordForm email={email} />
    </AuthShell>
  );
}
