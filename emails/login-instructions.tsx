import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailAction, EmailLayout, type EmailLocale, EmailText } from "./layout";

/** Passwordless sign-in: a single-use link (Flask-Security's login_instructions). */
export interface LoginInstructionsEmailProps extends EmailLocale {
  appName: string;
  email: string;
  loginLink: string;
  /** Humanized lifetime, e.g. "1 day". */
  within: string;
}

export function LoginInstructionsEmail({ appName, email, loginLink, within, locale = "en" }: LoginInstructionsEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.login_instructions");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t("body")}</EmailText>
      <EmailAction href={loginLink} label={words("signIn")} expiresIn={within} locale={locale} />
      <EmailText>{t("ignore")}</EmailText>
    </EmailLayout>
  );
}
