import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailAction, EmailLayout, type EmailLocale, EmailText } from "./layout";

export interface AccountLockedEmailProps extends EmailLocale {
  appName: string;
  email: string;
  unlockLink: string;
  within: string;
  resetLink: string;
}

/** Sent when the consecutive-failure lock closes: the owner can reopen it, a stranger cannot keep it shut. */
export function AccountLockedEmail({ appName, email, unlockLink, within, resetLink, locale = "en" }: AccountLockedEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.account_locked");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t("body")}</EmailText>
      <EmailAction href={unlockLink} label={t("action")} expiresIn={within} locale={locale} />
      <EmailText>{t("notYou")}</EmailText>
      <EmailAction href={resetLink} label={words("resetPassword")} locale={locale} />
    </EmailLayout>
  );
}
