import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { NoticeBanner } from "@/components/notice-banner";
import { firstParam, noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { ResendConfirmationForm } from "./resend-form";

export const metadata: Metadata = { title: "Confirm your email" };

export default async function ConfirmPage({ searchParams }: { searchParams: SearchParams }) {
  const config = getConfig();
  if (!config.features.confirmable) notFound();
  const params = await searchParams;
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
      <NoticeBanner notice={noticeFrom(params.notice)} />
      <ResendConfirmationForm email={firstParam(params.email)?.slice(0, 254) ?? ""} />
    </AuthShell>
  );
}
