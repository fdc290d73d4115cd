import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { type EmailChangeContext, EmailChangeDetails, EmailLayout, type EmailLocale, EmailText } from "./layout";

export interface ChangeEmailNoticeEmailProps extends EmailLocale {
  appName: string;
  oldEmail: string;
  newEmail: string;
  context?: EmailChangeContext;
}

/** To the OLD address once the change is done (Gatehouse's own). */
export function ChangeEmailNoticeEmail({ appName, oldEmail, newEmail, context, locale = "en" }: ChangeEmailNoticeEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.change_email_notice");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email: oldEmail })}</EmailText>
      <EmailText>{t("body", { newEmail })}</EmailText>
      <EmailChangeDetails context={context} locale={locale} />
      <EmailText>{t("notYou")}</EmailText>
    </EmailLayout>
  );
}
