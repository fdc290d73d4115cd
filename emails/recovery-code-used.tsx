import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailIfNotYou, EmailLayout, type EmailLocale, EmailText } from "./layout";

export interface RecoveryCodeUsedEmailProps extends EmailLocale {
  appName: string;
  email: string;
  /** Unused recovery codes left after this one. */
  remaining: number;
  codesLink: string;
  context?: EmailChangeContext;
}

/** At or below this many codes left, the mail offers a fresh set. */
const LOW_CODES = 2;

export function RecoveryCodeUsedEmail({ appName, email, remaining, codesLink, context, locale = "en" }: RecoveryCodeUsedEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.recovery_code_used");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t("body", { remaining })}</EmailText>
      <EmailChangeDetails context={context} locale={locale} />
      {remaining <= LOW_CODES ? (
        <>
          <EmailText>{t("generate")}</EmailText>
          <EmailAction href={codesLink} label={t("action")} locale={locale} />
        </>
      ) : null}
      {context ? <EmailIfNotYou context={context} locale={locale} /> : <EmailText>{t("notYou")}</EmailText>}
    </EmailLayout>
  );
}
