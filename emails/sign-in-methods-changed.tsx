import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { codeMethodName } from "@/lib/view/labels";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailIfNotYou, EmailLayout, type EmailLocale, EmailText } from "./layout";

/** Gatehouse's own notice: a sign-in method was added or removed (Flask-Security's us_profile_changed). */
export interface SignInMethodsChangedEmailProps extends EmailLocale {
  appName: string;
  email: string;
  change: "added" | "removed";
  /** The method's key ("sms"), named in the reader's language (twoFactor.signInWith); words ("text message codes") render as they are. */
  method: string;
  methodsLink: string;
  context?: EmailChangeContext;
}

export function SignInMethodsChangedEmail({
  appName,
  email,
  change,
  method: key,
  methodsLink,
  context,
  locale = "en",
}: SignInMethodsChangedEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.sign_in_methods_changed");
  const words = translatorFor(locale, "emails.layout");
  const signInWith = translatorFor(locale, "twoFactor.signInWith");
  const method = codeMethodName(key, { authenticator: signInWith("authenticator"), email: signInWith("email"), sms: signInWith("sms") });
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t(change, { method })}</EmailText>
      <EmailChangeDetails context={context} locale={locale} />
      <EmailText>{t("review")}</EmailText>
      <EmailAction href={methodsLink} label={t("action")} locale={locale} />
      <EmailIfNotYou context={context} locale={locale} />
    </EmailLayout>
  );
}
