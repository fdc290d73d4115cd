import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { LinkActionForm } from "@/components/forms/link-action-form";
import { getConfig } from "@/lib/security/config";
import { unlockAccountAction } from "./actions";

export const metadata: Metadata = { title: "Unlock your account", referrer: "no-referrer" };

/** The emailed unlock link (sent when too many failed sign-ins locked the account). A POST, like every emailed link. */
export default async function UnlockPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthShell
      appName={getConfig().appName}
      title="Unlock your account"
      description="Signing in was locked after too many failed attempts. Unlock it when you are ready to sign in."
    >
      <LinkActionForm action={unlockAccountAction.bind(null, token)} label="Unlock my account" />
    </AuthShell>
  );
}
