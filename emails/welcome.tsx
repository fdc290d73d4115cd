import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailAction, EmailLayout, type EmailLocale, EmailText } from "./layout";

export interface WelcomeEmailProps extends EmailLocale {
  appName: string;
  email: string;
  /** Null when confirmation is off: registration then needs no follow-up. */
  confirmationLink: string | null;
  /** Humanized lifetime of the confirmation link, e.g. "2 days". */
  within: string;
}

export function WelcomeEmail({ appName, email, confirmationLink, within, locale = "en" }: WelcomeEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.welcome");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{t("greeting", { email })}</EmailText>
      {confirmationLink ? (
        <>
          <EmailText>{t("body")}</EmailText>
          <EmailAction href={confirmationLink} label={t("action")} expiresIn={within} locale={locale} />
        </>
      ) : null}
    </EmailLayout>
  );
}
