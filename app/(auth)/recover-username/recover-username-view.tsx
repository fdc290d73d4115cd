import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { staticPageSettings } from "@/lib/view/static-settings";
import { RecoverUsernameForm } from "./recover-username-form";

export const recoverUsernameMetadata: Metadata = { title: "Forgot your username" };

/** Prerendered for a visitor with no session cookie, per request otherwise (decision 067). */
export function RecoverUsernameView() {
  if (!staticPageSettings().features.usernameRecovery) notFound();
  return (
    <AuthShell
      title="Forgot your username"
      description="Enter the email address of your account and we will email you its username."
      footer={
        <p>
          Remembered it?{" "}
          <Link href="/login" className="link">
            Sign in
          </Link>
        </p>
      }
    >
      <RecoverUsernameForm />
    </AuthShell>
  );
}
