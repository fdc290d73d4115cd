import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";
import { getConfig } from "@/lib/security/config";
import { secondFactorUrl } from "@/lib/security/current-user";
import { SECOND_FACTOR_LABELS, type SecondFactorMethod } from "@/lib/security/second-factor";
import { CancelSignIn } from "../cancel-sign-in";
import { requirePendingLogin } from "../guard";
import { RescueForm } from "./rescue-form";

export const metadata: Metadata = { title: "Trouble with two-factor" };

export default async function TwoFactorRescuePage() {
  const { pending } = await requirePendingLogin("ready");
  const config = getConfig();
  const method = (pending.method ?? "authenticator") as SecondFactorMethod;
  return (
    <AuthShell
      appName={config.appName}
      title={`Can't use your ${SECOND_FACTOR_LABELS[method]}?`}
      description="Choose another way to finish signing in."
      footer={
        <>
          <p>
            <Link href={secondFactorUrl(pending.state, pending.method)}>{method === "passkey" ? "Back to your passkey" : "Back to the code page"}</Link>
          </p>
          <CancelSignIn />
        </>
      }
    >
      <RescueForm byEmail={config.twoFactor.rescueByEmail} recoveryCodes={config.recoveryCodes.enabled} />
    </AuthShell>
  );
}
