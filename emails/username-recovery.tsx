import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailAction, EmailLayout, type EmailLocale, EmailText } from "./layout";

export interface UsernameRecoveryEmailProps extends EmailLocale {
  appName: string;
  email: string;
  /** Null when the account has none (it signs in with its email address). */
  username: string | null;
  signInLink: string;
}

/** Flask-Security's username_recovery. */
export function UsernameRecoveryEmail({ appName, email, username, signInLink, locale = "en" }: UsernameRecoveryEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.username_recovery");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{username ? t("is", { username }) : t("none")}</EmailText>
      <EmailAction href={signInLink} label={words("signIn")} locale={locale} />
      <EmailText>{t("ignore")}</EmailText>
    </EmailLayout>
  );
}
