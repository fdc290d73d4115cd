import type { ReactElement } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import { codeMethodName } from "@/lib/view/labels";
import { EmailAction, EmailChangeDetails, EmailIfNotYou, EmailLayout, type EmailLocale, EmailText, type EmailChangeContext } from "./layout";

export type TwoFactorChange = "enabled" | "changed" | "disabled";

export interface TwoFactorChangedEmailProps extends EmailLocale {
  appName: string;
  email: string;
  change: TwoFactorChange;
  /**
   * The method's key ("authenticator", "email", "sms"), named in the reader's language (the
   * pages' twoFactor.methods words): the new one, or for "disabled" the one removed. Words queued
   * before the key replaced them (e.g. "authenticator app") render as they are.
   */
  method: string | null;
  securityLink: string;
  context?: EmailChangeContext;
}

/** The subject for the change, in the reader's language (without "<App name>: "). */
export function twoFactorChangedSubject({ change, locale }: Pick<TwoFactorChangedEmailProps, "change" | "locale">): string {
  return translatorFor(locale ?? "en", "emails.two_factor_changed.subject")(change);
}

function describeChange(change: TwoFactorChange, key: string | null, locale: Locale): string {
  const t = translatorFor(locale, "emails.two_factor_changed");
  const methods = translatorFor(locale, "twoFactor.methods");
  const names = { authenticator: methods("authenticator"), email: methods("email"), sms: methods("sms") };
  const method = key ? codeMethodName(key, names) : null;
  return method ? t(`${change}.with`, { method }) : t(`${change}.without`);
}

export function TwoFactorChangedEmail({ appName, email, change, method, securityLink, context, locale = "en" }: TwoFactorChangedEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.two_factor_changed");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { subject: twoFactorChangedSubject({ change, locale }), appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{describeChange(change, method, locale)}</EmailText>
      <EmailChangeDetails context={context} locale={locale} />
      <EmailText>{t("review")}</EmailText>
      <EmailAction href={securityLink} label={t("action")} locale={locale} />
      <EmailIfNotYou context={context} locale={locale} />
    </EmailLayout>
  );
}
