import type { ReactElement } from "react";
import type { Locale } from "@/lib/i18n/locales";
import { translatorFor } from "@/lib/i18n/translator";
import type { PasskeyUsage } from "@/lib/security/config";
import { EmailAction, EmailChangeDetails, EmailIfNotYou, EmailLayout, type EmailLocale, EmailText, type EmailChangeContext } from "./layout";

export type PasskeyChange = "added" | "removed";

export interface PasskeyChangedEmailProps extends EmailLocale {
  appName: string;
  email: string;
  change: PasskeyChange;
  /** The passkey's name as the user gave it. */
  name: string;
  /** "first": it signs in on its own; "secondary": a security key for the second step. Absent in a payload queued before it was sent. */
  usage?: PasskeyUsage;
  passkeysLink: string;
  context?: EmailChangeContext;
}

/** Which of the two kinds the words are for: only a sign-in passkey signs in by itself. */
const kind = (usage: PasskeyUsage | undefined) => (usage === "secondary" ? "securityKey" : "passkey");

/** The subject in the reader's language (without "<App name>: "). */
export function passkeyChangedSubject({ change, usage, locale }: Pick<PasskeyChangedEmailProps, "change" | "usage" | "locale">): string {
  return translatorFor(locale ?? "en", "emails.passkey_changed")(`${kind(usage)}.${change}.subject`);
}

/** What the key does now, in one sentence. */
function describeChange(change: PasskeyChange, name: string, usage: PasskeyUsage | undefined, locale: Locale): string {
  return translatorFor(locale, "emails.passkey_changed")(`${kind(usage)}.${change}.body`, { name });
}

export function PasskeyChangedEmail({ appName, email, change, name, usage, passkeysLink, context, locale = "en" }: PasskeyChangedEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.passkey_changed");
  const words = translatorFor(locale, "emails.layout");
  return (
    <EmailLayout preview={t("preview", { subject: passkeyChangedSubject({ change, usage, locale }), appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{describeChange(change, name, usage, locale)}</EmailText>
      <EmailChangeDetails context={context} locale={locale} />
      <EmailText>{t("review")}</EmailText>
      <EmailAction href={passkeysLink} label={t("action")} locale={locale} />
      <EmailIfNotYou context={context} locale={locale} />
    </EmailLayout>
  );
}
