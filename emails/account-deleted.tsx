import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailLayout, type EmailLocale, EmailText } from "./layout";

export interface AccountDeletedEmailProps extends EmailLocale {
  appName: string;
  email: string;
  /** "self": the owner deleted it; "admin": an administrator did. */
  by: "self" | "admin";
}

/** The goodbye (Gatehouse's own). Sent after the account is gone: it carries no link into it. */
export function AccountDeletedEmail({ appName, email, by, locale = "en" }: AccountDeletedEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.account_deleted");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{by === "self" ? t("bySelf", { appName }) : t("byAdmin", { appName })}</EmailText>
      <EmailText>{t("after", { appName })}</EmailText>
    </EmailLayout>
  );
}
