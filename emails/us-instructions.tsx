import type { ReactElement } from "react";
import { Text } from "@react-email/components";
import { translatorFor } from "@/lib/i18n/translator";
import { localizeDuration } from "@/lib/i18n/duration";
import { EmailAction, EmailCode, EmailLayout, type EmailLocale, EmailText, emailTheme } from "./layout";

// Unified sign-in: the one-time code, and (when signing in, not during set-up) a link that
// signs in without typing it. The code stays out of the preview line (locked-phone notifications).
export interface UsInstructionsEmailProps extends EmailLocale {
  appName: string;
  email: string;
  code: string;
  /** A single-use sign-in link, or null during set-up and re-verification. */
  loginLink: string | null;
  /** Humanized lifetime, e.g. "2 minutes". */
  within: string;
}

export function UsInstructionsEmail({ appName, email, code, loginLink, within, locale = "en" }: UsInstructionsEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.us_instructions");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{loginLink ? t("signIn", { appName }) : t("confirm", { appName })}</EmailText>
      <Text style={{ color: emailTheme.text, fontSize: "28px", fontWeight: 600, letterSpacing: "6px", lineHeight: "40px", margin: "0 0 16px" }}>
        <bdi dir="ltr">
          <EmailCode>{code}</EmailCode>
        </bdi>
      </Text>
      <EmailText>{t("expires", { within: localizeDuration(within, locale), appName })}</EmailText>
      {loginLink ? <EmailAction href={loginLink} label={words("signIn")} expiresIn={within} locale={locale} /> : null}
      <EmailText>{t("ignore")}</EmailText>
    </EmailLayout>
  );
}
