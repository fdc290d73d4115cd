import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailAction, EmailLayout, type EmailLocale, EmailText } from "./layout";

export interface ConfirmationInstructionsEmailProps extends EmailLocale {
  appName: string;
  email: string;
  confirmationLink: string;
  /** Humanized lifetime of the link, e.g. "2 days". */
  within: string;
}

export function ConfirmationInstructionsEmail({ appName, email, confirmationLink, within, locale = "en" }: ConfirmationInstructionsEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.confirmation_instructions");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t("body")}</EmailText>
      <EmailAction href={confirmationLink} label={t("action")} expiresIn={within} locale={locale} />
    </EmailLayout>
  );
}
