import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { getConfig } from "@/lib/security/config";
import { requireAnonymous } from "@/lib/security/sessions/guards";
import { RecoverUsernameForm } from "./recover-username-form";

export const metadata: Metadata = { title: "Forgot your username" };

export default async function RecoverUsernamePage() {
  const config = getConfig();
  if (!config.features.usernameRecovery) notFound();
  await requireAnonymous();
  return (
    <AuthShell
      appName={config.appName}
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
