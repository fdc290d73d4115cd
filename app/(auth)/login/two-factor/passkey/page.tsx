import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { PasskeyButton } from "@/components/passkeys/passkey-button";
import { getConfig } from "@/lib/security/config";
import { passkeyErrorWords } from "@/lib/view/sign-in-words";
import { secondFactorOptions } from "@/lib/security/sign-in/second-factor";
import { requirePendingLogin } from "../guard";
import { SecondStepLinks } from "../second-step-links";
import { finishPasskeySecondFactorAction, startPasskeySecondFactorAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn.twoFactor.passkey"))("title") };
}

/** The second factor is a passkey (or security key) registered for that use. */
export default async function PasskeySecondFactorPage() {
  const found = await requirePendingLogin("ready");
  const config = getConfig();
  const [options, t, errors] = await Promise.all([secondFactorOptions(found), getTranslations("signIn.twoFactor.passkey"), passkeyErrorWords()]);
  return (
    <AuthShell appName={config.appName} title={t("title")} description={t("description")} footer={<SecondStepLinks options={options} current="passkey" />}>
      <PasskeyButton start={startPasskeySecondFactorAction} finish={finishPasskeySecondFactorAction} variant="primary" autoFocus errors={errors}>
        {t("button")}
      </PasskeyButton>
    </AuthShell>
  );
}
