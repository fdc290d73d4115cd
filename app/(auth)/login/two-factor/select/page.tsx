import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { Alert } from "@/components/ui/alert";
import { getConfig } from "@/lib/security/config";
import { pageWords } from "@/lib/view/words";
import { maskPhone } from "@/lib/security/accounts/phone";
import { secondFactorOptions } from "@/lib/security/sign-in/second-factor";
import { requirePendingLogin } from "../guard";
import { SecondStepLinks } from "../second-step-links";
import { MethodChoice } from "./method-choice";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("signIn.twoFactor.select"))("title") };
}

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
  const t = await getTranslations("signIn.twoFactor.select");
  const detail = (m: (typeof options.usable)[number]): string => {
    if (m !== "sms") return t(`choices.${m}.detail`);
    return maskedPhone ? t("choices.sms.detail", { phone: maskedPhone }) : t("choices.sms.detailNoPhone");
  };
  const choices = options.usable.map((m) => ({ value: m, title: t(`choices.${m}.title`), detail: detail(m) }));
  const none = choices.length === 0;
  return (
    <AuthShell
      appName={config.appName}
      title={none ? t("noneTitle") : t("title")}
      description={none ? undefined : t("description")}
      footer={<SecondStepLinks options={{ ...options, usable: [] }} current={null} />}
    >
      {none ? (
        <div className="space-y-4">
          <Alert tone="info" testId="no-independent-method">
            {(await pageWords()).TWO_FACTOR_NO_INDEPENDENT_METHOD}
          </Alert>
          <p className="text-sm">
            <a className="link" href="/login/two-factor/rescue">
              {t("askHelp")}
            </a>
          </p>
        </div>
      ) : (
        <MethodChoice options={choices} label={t("formLabel")} />
      )}
    </AuthShell>
  );
}
