import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { EmailOnlyForm } from "@/components/forms/email-only-form";
import { staticPageSettings } from "@/lib/view/static-settings";
import { requestMagicLinkAction } from "./actions";

export const magicLinkMetadata: Metadata = { title: "Sign in with a link" };

/**
 * Passwordless sign-in (SECURITY_PASSWORDLESS): an emailed single-use link. Prerendered for a
 * visitor with no session cookie, per request otherwise (decision 067).
 */
export function MagicLinkView() {
  if (!staticPageSettings().magicLink.enabled) notFound();
  return (
    <AuthShell
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
