import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { PasskeyButton } from "@/components/passkeys/passkey-button";
import { getConfig } from "@/lib/security/config";
import { secondFactorOptions } from "@/lib/security/sign-in/second-factor";
import { requirePendingLogin } from "../guard";
import { SecondStepLinks } from "../second-step-links";
import { finishPasskeySecondFactorAction, startPasskeySecondFactorAction } from "./actions";

export const metadata: Metadata = { title: "Use your passkey" };

/** The second factor is a passkey (or security key) registered for that use. */
export default async function PasskeySecondFactorPage() {
  const found = await requirePendingLogin("ready");
  const config = getConfig();
  const options = await secondFactorOptions(found);
  return (
    <AuthShell
      appName={config.appName}
      title="Use your passkey"
      description="Confirm it's you with the passkey or security key you registered as your second factor."
      footer={<SecondStepLinks options={options} current="passkey" />}
    >
      <PasskeyButton start={startPasskeySecondFactorAction} finish={finishPasskeySecondFactorAction} variant="primary" autoFocus>
        Use passkey
      </PasskeyButton>
    </AuthShell>
  );
}
