import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailLayout, type EmailLocale, EmailText } from "./layout";

// Sent to the new address when its chosen username is taken, so the form itself doesn't reveal
// which usernames exist.
export interface WelcomeExistingUsernameEmailProps extends EmailLocale {
  appName: string;
  email: string;
  username: string;
}

export function WelcomeExistingUsernameEmail({ appName, email, username, locale = "en" }: WelcomeExistingUsernameEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.welcome_existing_username");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t("taken", { username })}</EmailText>
      <EmailText>{t("again")}</EmailText>
      <EmailText>{t("ignore")}</EmailText>
    </EmailLayout>
  );
}
