import type { ReactElement } from "react";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailIfNotYou, EmailLayout, type EmailLocale, EmailText } from "./layout";
import { translatorFor } from "@/lib/i18n/translator";

export interface ChangeNoticeEmailProps extends EmailLocale {
  appName: string;
  email: string;
  /** Null when password recovery is off; the notice then just informs. */
  resetLink: string | null;
  context?: EmailChangeContext;
}

export function ChangeNoticeEmail({ appName, email, resetLink, context, locale = "en" }: ChangeNoticeEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.change_notice");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t("body")}</EmailText>
      <EmailChangeDetails context={context} locale={locale} />
      {context ? (
        <EmailIfNotYou context={context} locale={locale} />
      ) : resetLink ? (
        <>
          <EmailText>{t("notYou")}</EmailText>
          <EmailAction href={resetLink} label={words("resetPassword")} locale={locale} />
        </>
      ) : null}
    </EmailLayout>
  );
}
