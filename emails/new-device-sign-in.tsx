import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailAction, EmailLayout, type EmailLocale, EmailResetOffer, EmailText } from "./layout";

export interface NewDeviceSignInEmailProps extends EmailLocale {
  appName: string;
  email: string;
  /** When, already written out for the reader (in their language and time zone when the account has one, else UTC). */
  at: string;
  /** Browser and operating system as read from the user agent; approximate, it is the browser's own claim. */
  device: string;
  ip: string;
  sessionsLink: string;
  /** Null when password recovery is off. */
  resetLink: string | null;
}

/** After a sign-in from a browser that never signed in to this account before (Gatehouse's own, decision 038). */
export function NewDeviceSignInEmail({ appName, email, at, device, ip, sessionsLink, resetLink, locale = "en" }: NewDeviceSignInEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.new_device_sign_in");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t("body")}</EmailText>
      <EmailText>{words("when", { at })}</EmailText>
      <EmailText>{words("device", { device })}</EmailText>
      <EmailText>{t("ip", { ip })}</EmailText>
      <EmailText>{t("ifYou")}</EmailText>
      <EmailAction href={sessionsLink} label={t("action")} locale={locale} />
      <EmailResetOffer resetLink={resetLink} locale={locale} />
    </EmailLayout>
  );
}
