import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailAction, EmailCode, EmailLayout, type EmailLocale, EmailText } from "./layout";

// Sent instead of an error when someone registers an address that already has an account, so the
// registration form doesn't reveal which addresses are registered (account enumeration).
export interface WelcomeExistingEmailProps extends EmailLocale {
  appName: string;
  email: string;
  /** The forgot-password page, for a confirmed account. */
  resetLink: string | null;
  /**
   * For an account whose address was never confirmed: a reset link that makes the account the
   * address owner's (it sets their password, confirms the address and removes whatever the other
   * registrant set up). Never a confirmation link: that would confirm someone else's password.
   */
  takeOverLink: string | null;
  username: string | null;
}

export function WelcomeExistingEmail({ appName, email, resetLink, takeOverLink, username, locale = "en" }: WelcomeExistingEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.welcome_existing");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { email, appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t("tried")}</EmailText>
      {username ? <EmailText>{t.rich("username", { username, code: (chunks) => <EmailCode>{chunks}</EmailCode> })}</EmailText> : null}
      {takeOverLink ? (
        <>
          <EmailText>{t("takeOver")}</EmailText>
          <EmailAction href={takeOverLink} label={t("setPassword")} locale={locale} />
        </>
      ) : null}
      {resetLink ? (
        <>
          <EmailText>{t("forgot")}</EmailText>
          <EmailAction href={resetLink} label={words("resetPassword")} locale={locale} />
        </>
      ) : null}
      <EmailText>{t("ignore")}</EmailText>
    </EmailLayout>
  );
}
