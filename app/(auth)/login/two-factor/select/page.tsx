import type { Metadata } from "next";
import { AuthShell } from "@/components/auth-shell";
import { Alert } from "@/components/ui/alert";
import { getConfig } from "@/lib/security/config";
import { pageWords } from "@/lib/view/words";
import { maskPhone } from "@/lib/security/accounts/phone";
import { secondFactorOptions } from "@/lib/security/sign-in/second-factor";
import { SECOND_FACTOR_CHOICES } from "@/lib/view/labels";
import { requirePendingLogin } from "../guard";
import { SecondStepLinks } from "../second-step-links";
import { MethodChoice } from "./method-choice";

export const metadata: Metadata = { title: "Choose how to verify" };

/**
 * Several second factors (e.g. a passkey and an authenticator app): the user picks one
 * (Flask-Security's /tf-select). Only factors independent of the first one are offered; when none
 * is, the page says why and what is left (recovery code, asking for help).
 */
export default async function SelectMethodPage() {
  const found = await requirePendingLogin("select", "ready");
  const config = getConfig();
  const options = await secondFactorOptions(found);
  const maskedPhone = options.profile?.phone ? maskPhone(options.profile.phone) : null;
  const choices = options.usable.map((m) => ({ value: m, title: SECOND_FACTOR_CHOICES[m].title, detail: SECOND_FACTOR_CHOICES[m].detail(maskedPhone) }));
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
            {(await pageWords()).TWO_FACTOR_NO_INDEPENDENT_METHOD}
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
