import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { NoticeBanner } from "@/components/notice-banner";
import type { Notice } from "@/lib/view/notices";
import { staticPageSettings } from "@/lib/view/static-settings";
import { ResendConfirmationForm } from "./resend-form";

export const confirmMetadata: Metadata = { title: "Confirm your email" };

/** The resend-confirmation page, prerendered for a bare /confirm, per request otherwise (decision 067). */
export function ConfirmView({ email = "", notice = null }: { email?: string; notice?: Notice | null }) {
  const config = staticPageSettings();
  if (!config.features.confirmable) notFound();
  return (
    <AuthShell
      appName={config.appName}
      title="Resend confirmation"
      description="Enter your email and we will send you a new confirmation link."
      footer={
        <p>
          <Link href="/login" className="link">
            Back to sign in
          </Link>
        </p>
      }
    >
      <NoticeBanner notice={notice} />
      <ResendConfirmationForm email={email} />
    </AuthShell>
  );
}
