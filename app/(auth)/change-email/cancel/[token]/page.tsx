import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { LinkActionForm } from "@/components/forms/link-action-form";
import { getConfig } from "@/lib/security/config";
import { cancelEmailChangeAction } from "./actions";

export const metadata: Metadata = { title: "Cancel the email address change", referrer: "no-referrer" };

/** The link mailed to the old address with a change request: one click (a POST) cancels it. */
export default async function CancelEmailChangePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  return (
    <AuthShell
      appName={getConfig().appName}
      title="Cancel the email address change"
      description="Someone asked to move your account to another email address. If it was not you, cancel it, then reset your password."
    >
      <LinkActionForm action={cancelEmailChangeAction.bind(null, token)} label="Cancel the change" />
    </AuthShell>
  );
}
