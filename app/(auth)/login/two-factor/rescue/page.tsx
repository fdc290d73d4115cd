import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";
import { getConfig, type TwoFactorMethod } from "@/lib/security/config";
import { METHOD_LABELS } from "@/lib/security/two-factor";
import { CancelSignIn } from "../cancel-sign-in";
import { requirePendingLogin } from "../guard";
import { RescueForm } from "./rescue-form";

export const metadata: Metadata = { title: "Trouble with two-factor" };

export default async function TwoFactorRescuePage() {
  const { pending } = await requirePendingLogin("ready");
  const config = getConfig();
  const method = (pending.method ?? "authenticator") as TwoFactorMethod;
  return (
    <AuthShell
      appName={config.appName}
      title={`Can't use your ${METHOD_LABELS[method]}?`}
      description="Choose another way to finish signing in."
      footer={
        <>
          <p>
            <Link href="/login/two-factor">Back to the code page</Link>
          </p>
          <CancelSignIn />
        </>
      }
    >
      <RescueForm byEmail={config.twoFactor.rescueByEmail} recoveryCodes={config.recoveryCodes.enabled} />
    </AuthShell>
  );
}
