import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";
import { PasskeyButton } from "@/components/passkeys/passkey-button";
import { getConfig } from "@/lib/security/config";
import { secondFactorMethods } from "@/lib/security/second-factor";
import { CancelSignIn } from "../cancel-sign-in";
import { requirePendingLogin } from "../guard";
import { finishPasskeySecondFactorAction, startPasskeySecondFactorAction } from "./actions";

export const metadata: Metadata = { title: "Use your passkey" };

/** The second factor is a passkey (or security key) registered for that use. */
export default async function PasskeySecondFactorPage() {
  const { user } = await requirePendingLogin("ready");
  const config = getConfig();
  const { methods } = await secondFactorMethods(user.id);
  return (
    <AuthShell
      appName={config.appName}
      title="Use your passkey"
      description="Confirm it's you with the passkey or security key you registered as your second factor."
      footer={
        <>
          <p>
            <Link href="/login/two-factor/rescue">Can&apos;t use your passkey?</Link>
          </p>
          {methods.length > 1 ? (
            <p>
              <Link href="/login/two-factor/select">Use another method</Link>
            </p>
          ) : null}
          {config.recoveryCodes.enabled ? (
            <p>
              <Link href="/login/two-factor/recovery">Use a recovery code</Link>
            </p>
          ) : null}
          <CancelSignIn />
        </>
      }
    >
      <PasskeyButton start={startPasskeySecondFactorAction} finish={finishPasskeySecondFactorAction} variant="primary" autoFocus>
        Use passkey
      </PasskeyButton>
    </AuthShell>
  );
}
