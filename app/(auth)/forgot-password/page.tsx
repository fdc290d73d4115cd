import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { NoticeBanner } from "@/components/notice-banner";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { getSession } from "@/lib/security/sessions/current";
import { ForgotPasswordForm } from "./forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

export default async function ForgotPasswordPage({ searchParams }: { searchParams: SearchParams }) {
  const config = getConfig();
  if (!config.features.recoverable) notFound();
  const params = await searchParams;
  // Open to signed-in users too (prefilled), as in Flask-Security.
  const current = await getSession();
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
      <NoticeBanner notice={noticeFrom(params.notice)} />
      <ForgotPasswordForm email={current?.user.email ?? ""} />
    </AuthShell>
  );
}
