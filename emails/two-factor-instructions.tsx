import type { ReactElement } from "react";
import { Text } from "@react-email/components";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailCode, EmailLayout, type EmailLocale, EmailText, emailTheme } from "./layout";
import { localizeDuration } from "@/lib/i18n/duration";

// The one-time code for signing in with the email second factor. The code stays out of the
// preview line so it doesn't show on a locked phone's notification.
export interface TwoFactorInstructionsEmailProps extends EmailLocale {
  appName: string;
  email: string;
  /** The one-time code, digits only (e.g. "123456"). */
  code: string;
  /** Humanized lifetime of the code, e.g. "5 minutes". */
  within: string;
}

export function TwoFactorInstructionsEmail({ appName, email, code, within, locale = "en" }: TwoFactorInstructionsEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.two_factor_instructions");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t("body", { appName })}</EmailText>
      {/* Spaced by letter-spacing, not by characters, so copy-paste and the plain-text part keep the digits contiguous. */}
      <Text style={{ color: emailTheme.text, fontSize: "28px", fontWeight: 600, letterSpacing: "6px", lineHeight: "40px", margin: "0 0 16px" }}>
        <EmailCode>{code}</EmailCode>
      </Text>
      <EmailText>{t("expires", { within: localizeDuration(within, locale), appName })}</EmailText>
      <EmailText>{t("notYou")}</EmailText>
    </EmailLayout>
  );
}
