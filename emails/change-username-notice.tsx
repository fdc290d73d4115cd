import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailIfNotYou, EmailLayout, type EmailLocale, EmailText } from "./layout";

export interface ChangeUsernameNoticeEmailProps extends EmailLocale {
  appName: string;
  email: string;
  /** The new username, or null when it was removed. */
  username: string | null;
  oldUsername: string | null;
  /** Null when password recovery is off. */
  resetLink: string | null;
  context?: EmailChangeContext;
}

/** Flask-Security's change_username_notice. */
export function ChangeUsernameNoticeEmail({
  appName,
  email,
  username,
  oldUsername,
  resetLink,
  context,
  locale = "en",
}: ChangeUsernameNoticeEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.change_username_notice");
  const words = translatorFor(locale, "emails.layout");
  const what = username ? t("now", { username }) : t("removed");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{oldUsername ? `${what} ${t("oldGone", { oldUsername })}` : what}</EmailText>
      <EmailChangeDetails context={context} locale={locale} />
      {context ? (
        <EmailIfNotYou context={context} locale={locale} />
      ) : resetLink ? (
        <>
          <EmailText>{t("resetIntro")}</EmailText>
          <EmailAction href={resetLink} label={words("resetPassword")} locale={locale} />
        </>
      ) : null}
    </EmailLayout>
  );
}
