import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailCode, EmailLayout, type EmailLocale, EmailText } from "./layout";

// Sent to the site administrator (not the user) when someone who lost their second factor asks
// for help. The admin must check who is asking before resetting anything: this mail alone proves
// only that someone knew the account's password.
export interface TwoFactorRescueEmailProps extends EmailLocale {
  appName: string;
  /** The account asking for help. */
  email: string;
  userId: string;
}

export function TwoFactorRescueEmail({ appName, email, userId, locale = "en" }: TwoFactorRescueEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.two_factor_rescue");
  return (
    <EmailLayout preview={t("preview", { email, appName })} appName={appName} locale={locale}>
      <EmailText>{t("body", { email })}</EmailText>
      <EmailText>
        {t("userId")} <EmailCode>{userId}</EmailCode>
      </EmailText>
      <EmailText>{t("check")}</EmailText>
    </EmailLayout>
  );
}
