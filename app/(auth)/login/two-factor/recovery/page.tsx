import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { getConfig, type TwoFactorMethod } from "@/lib/security/config";
import { METHOD_LABELS } from "@/lib/security/two-factor";
import { CancelSignIn } from "../cancel-sign-in";
import { requirePendingLogin } from "../guard";
import { RecoveryForm } from "./recovery-form";

export const metadata: Metadata = { title: "Use a recovery code" };

export default async function RecoveryCodePage() {
  const config = getConfig();
  if (!config.recoveryCodes.enabled) notFound();
  const { pending } = await requirePendingLogin("ready");
  const method = (pending.method ?? "authenticator") as TwoFactorMethod;
  return (
    <AuthShell
      appName={config.appName}
      title="Use a recovery code"
      description="Enter one of the recovery codes you saved when you turned on two-factor authentication."
      footer={
        <>
          <p>
            <Link href="/login/two-factor">Use your {METHOD_LABELS[method]} instead</Link>
          </p>
          <CancelSignIn />
        </>
      }
    >
      <RecoveryForm />
    </AuthShell>
  );
}
