import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { AuthShell } from "@/components/auth-shell";
import { getConfig } from "@/lib/security/config";
import { secondFactorUrl } from "@/lib/security/sign-in/continue";
import { SECOND_FACTOR_NAMES } from "@/lib/view/labels";
import { CancelSignIn } from "../cancel-sign-in";
import { requirePendingLogin } from "../guard";
import { RecoveryForm } from "./recovery-form";

export const metadata: Metadata = { title: "Use a recovery code" };

export default async function RecoveryCodePage() {
  const config = getConfig();
  if (!config.recoveryCodes.enabled) notFound();
  const { pending } = await requirePendingLogin("ready", "select");
  const method = pending.method;
  return (
    <AuthShell
      appName={config.appName}
      title="Use a recovery code"
      description="Enter one of the recovery codes you saved when you turned on two-step verification."
      footer={
        <>
          <p>
            <Link href={secondFactorUrl(pending.state, method)}>{method ? `Use your ${SECOND_FACTOR_NAMES[method]} instead` : "Choose another method"}</Link>
          </p>
          <CancelSignIn />
        </>
      }
    >
      <RecoveryForm />
    </AuthShell>
  );
}
