import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailAction, EmailLayout, type EmailLocale, EmailText } from "./layout";

export interface ResetInstructionsEmailProps extends EmailLocale {
  appName: string;
  email: string;
  resetLink: string;
  /** Humanized lifetime of the link, e.g. "1 day". */
  within: string;
}

export function ResetInstructionsEmail({ appName, email, resetLink, within, locale = "en" }: ResetInstructionsEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.reset_instructions");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t("body")}</EmailText>
      <EmailAction href={resetLink} label={words("resetPassword")} expiresIn={within} locale={locale} />
      <EmailText>{t("ignore")}</EmailText>
    </EmailLayout>
  );
}
