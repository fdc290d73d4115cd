import type { Metadata } from "next";
import Link from "next/link";
import { AuthShell } from "@/components/auth-shell";
import { getConfig } from "@/lib/security/config";
import { maskPhone } from "@/lib/security/phone";
import { secondFactorMethods, type SecondFactorMethod } from "@/lib/security/second-factor";
import { CancelSignIn } from "../cancel-sign-in";
import { requirePendingLogin } from "../guard";
import { MethodChoice } from "./method-choice";

export const metadata: Metadata = { title: "Choose how to verify" };

const DESCRIPTIONS: Record<SecondFactorMethod, { title: string; detail: (phone: string | null) => string }> = {
  passkey: { title: "Passkey or security key", detail: () => "Use the passkey you registered as your second factor." },
  authenticator: { title: "Authenticator app", detail: () => "Enter the 6-digit code from your app." },
  email: { title: "Email", detail: () => "We'll email you a 6-digit code." },
  sms: { title: "Text message", detail: (phone) => (phone ? `We'll text a 6-digit code to ${maskPhone(phone)}.` : "We'll text you a 6-digit code.") },
};

/** Several second factors (e.g. a passkey and an authenticator app): the user picks one (reference: /tf-select). */
export default async function SelectMethodPage() {
  const { user } = await requirePendingLogin("select", "ready");
  const config = getConfig();
  const { methods, profile } = await secondFactorMethods(user.id);
  const options = methods.map((m) => ({ value: m, title: DESCRIPTIONS[m].title, detail: DESCRIPTIONS[m].detail(profile?.phone ?? null) }));
  return (
    <AuthShell
      appName={config.appName}
      title="Choose how to verify"
      description="Your account has more than one second factor. Pick one to finish signing in."
      footer={
        <>
          {config.recoveryCodes.enabled ? (
            <p>
              <Link href="/login/two-factor/recovery">Use a recovery code</Link>
            </p>
          ) : null}
          <CancelSignIn />
        </>
      }
    >
      <MethodChoice options={options} />
    </AuthShell>
  );
}
