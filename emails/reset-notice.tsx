import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailLayout, type EmailLocale, EmailText } from "./layout";

export interface ResetNoticeEmailProps extends EmailLocale {
  appName: string;
  email: string;
  signInLink: string;
  /** Factors set up before the address was confirmed, removed by the reset (in words). */
  removed?: string[];
  context?: EmailChangeContext;
}

export function ResetNoticeEmail({ appName, email, signInLink, removed = [], context, locale = "en" }: ResetNoticeEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.reset_notice");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t("body")}</EmailText>
      <EmailChangeDetails context={context} locale={locale} />
      {removed.length ? <EmailText>{t("removed", { removed: removed.join("; ") })}</EmailText> : null}
      <EmailAction href={signInLink} label={words("signIn")} locale={locale} />
      <EmailText>{t("notYou")}</EmailText>
    </EmailLayout>
  );
}
