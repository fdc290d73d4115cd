import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { EmailOnlyForm } from "@/components/forms/email-only-form";
import { getConfig } from "@/lib/security/config";
import { requireAnonymous } from "@/lib/security/sessions/guards";
import { requestMagicLinkAction } from "./actions";

export const metadata: Metadata = { title: "Sign in with a link" };

/** Passwordless sign-in (SECURITY_PASSWORDLESS): an emailed single-use link. */
export default async function MagicLinkPage() {
  const config = getConfig();
  if (!config.magicLink.enabled) notFound();
  await requireAnonymous();
  return (
    <AuthShell
      appName={config.appName}
      title="Sign in with a link"
      description="Enter your email and we'll send you a link that signs you in — no password needed."
      footer={
        <p>
          <Link href="/login" className="link">
            Back to sign in
          </Link>
        </p>
      }
    >
      <EmailOnlyForm action={requestMagicLinkAction} email="" submitLabel="Email me a link" ariaLabel="Request a sign-in link" />
    </AuthShell>
  );
}
