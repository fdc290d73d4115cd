import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailAction, EmailLayout, type EmailLocale, EmailText } from "./layout";

export interface ChangeEmailInstructionsEmailProps extends EmailLocale {
  appName: string;
  /** The account's address now; it stays until the link is used. */
  currentEmail: string;
  newEmail: string;
  link: string;
  /** Humanized lifetime of the link, e.g. "2 hours". */
  within: string;
}

/** To the NEW address (Flask-Security's change_email_instructions). */
export function ChangeEmailInstructionsEmail({
  appName,
  currentEmail,
  newEmail,
  link,
  within,
  locale = "en",
}: ChangeEmailInstructionsEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.change_email_instructions");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email: newEmail })}</EmailText>
      <EmailText>{t("body", { appName, currentEmail })}</EmailText>
      <EmailAction href={link} label={t("action")} expiresIn={within} locale={locale} />
      <EmailText>{t("until", { currentEmail })}</EmailText>
    </EmailLayout>
  );
}
