import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { localizeDuration } from "@/lib/i18n/duration";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailLayout, type EmailLocale, EmailResetOffer, EmailText } from "./layout";

export interface ChangeEmailRequestedEmailProps extends EmailLocale {
  appName: string;
  email: string;
  newEmail: string;
  cancelLink: string;
  /** Null when password recovery is off. */
  resetLink: string | null;
  within: string;
  context?: EmailChangeContext;
}

/** To the OLD address when a change is asked for (Gatehouse's own: Flask-Security never tells it). */
export function ChangeEmailRequestedEmail({
  appName,
  email,
  newEmail,
  cancelLink,
  resetLink,
  within,
  context,
  locale = "en",
}: ChangeEmailRequestedEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.change_email_requested");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t("body", { newEmail, within: localizeDuration(within, locale) })}</EmailText>
      <EmailChangeDetails context={context} locale={locale} />
      <EmailText>{t("cancelIntro")}</EmailText>
      <EmailAction href={cancelLink} label={t("action")} locale={locale} />
      <EmailResetOffer resetLink={resetLink} locale={locale} />
    </EmailLayout>
  );
}
