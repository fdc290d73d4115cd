import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { Alert } from "@/components/ui/alert";
import { getConfig } from "@/lib/security/config";
import { MESSAGES } from "@/lib/security/core/errors";
import { maskPhone } from "@/lib/security/accounts/phone";
import { secondFactorOptions, type SecondFactorMethod } from "@/lib/security/sign-in/second-factor";
import { requirePendingLogin } from "../guard";
import { SecondStepLinks } from "../second-step-links";
import { MethodChoice } from "./method-choice";

export const metadata: Metadata = { title: "Choose how to verify" };

const DESCRIPTIONS: Record<SecondFactorMethod, { title: string; detail: (phone: string | null) => string }> = {
  passkey: { title: "Passkey or security key", detail: () => "Use the passkey you registered as your second factor." },
  authenticator: { title: "Authenticator app", detail: () => "Enter the 6-digit code from your app." },
  email: { title: "Email", detail: () => "We'll email you a 6-digit code." },
  sms: { title: "Text message", detail: (phone) => (phone ? `We'll text a 6-digit code to ${maskPhone(phone)}.` : "We'll text you a 6-digit code.") },
};

/**
 * Several second factors (e.g. a passkey and an authenticator app): the user picks one
 * (Flask-Security's /tf-select). Only factors independent of the first one are offered; when none
 * is, the page says why and what is left (recovery code, asking for help).
 */
export default async function SelectMethodPage() {
  const found = await requirePendingLogin("select", "ready");
  const config = getConfig();
  const options = await secondFactorOptions(found);
  const choices = options.usable.map((m) => ({ value: m, title: DESCRIPTIONS[m].title, detail: DESCRIPTIONS[m].detail(options.profile?.phone ?? null) }));
  const none = choices.length === 0;
  return (
    <AuthShell
      appName={config.appName}
      title={none ? "Finish signing in another way" : "Choose how to verify"}
      description={none ? undefined : "Your account has more than one second factor. Pick one to finish signing in."}
      footer={<SecondStepLinks options={{ ...options, usable: [] }} current={null} />}
    >
      {none ? (
        <div className="space-y-4">
          <Alert tone="info" testId="no-independent-method">
            {MESSAGES.TWO_FACTOR_NO_INDEPENDENT_METHOD}
          </Alert>
          <p className="text-sm">
            <a className="link" href="/login/two-factor/rescue">
              Ask the site administrator for help
            </a>
          </p>
        </div>
      ) : (
        <MethodChoice options={choices} />
      )}
    </AuthShell>
  );
}
