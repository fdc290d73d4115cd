import type { ReactElement } from "react";
import { translatorFor } from "@/lib/i18n/translator";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailIfNotYou, EmailLayout, type EmailLocale, EmailText } from "./layout";

export type OAuthChange = "linked" | "unlinked";

export interface OAuthChangedEmailProps extends EmailLocale {
  appName: string;
  email: string;
  change: OAuthChange;
  /** The provider's name (GitHub, Google, the OpenID Connect provider's configured name). */
  provider: string;
  /** The email the provider gave for the identity, when it gave one. */
  providerEmail: string | null;
  connectionsLink: string;
  context?: EmailChangeContext;
}

/** The subject in the reader's language (without "<App name>: "). */
export function oauthChangedSubject({ change, locale }: Pick<OAuthChangedEmailProps, "change" | "locale">): string {
  return translatorFor(locale ?? "en", "emails.oauth_changed.subject")(change);
}

export function OAuthChangedEmail({
  appName,
  email,
  change,
  provider,
  providerEmail,
  connectionsLink,
  context,
  locale = "en",
}: OAuthChangedEmailProps): ReactElement {
  const t = translatorFor(locale, "emails.oauth_changed");
  const words = translatorFor(locale, "emails.layout");
  // The provider's address in brackets after its name, when it gave one.
  const who = providerEmail ? ` (${providerEmail})` : "";
  return (
    <EmailLayout preview={t("preview", { subject: oauthChangedSubject({ change, locale }), appName })} appName={appName} locale={locale}>
      <EmailText>{words("hello", { email })}</EmailText>
      <EmailText>{t(change, { provider, who })}</EmailText>
      <EmailChangeDetails context={context} locale={locale} />
      <EmailText>{t("review")}</EmailText>
      <EmailAction href={connectionsLink} label={t("action")} locale={locale} />
      <EmailIfNotYou context={context} locale={locale} />
    </EmailLayout>
  );
}
