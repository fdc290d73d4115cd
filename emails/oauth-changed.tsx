import type { ReactElement } from "react";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailIfNotYou, EmailLayout, EmailText } from "./layout";

export type OAuthChange = "linked" | "unlinked";

export interface OAuthChangedEmailProps {
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

export const OAUTH_CHANGED_SUBJECTS: Readonly<Record<OAuthChange, string>> = {
  linked: "A sign-in provider was linked to your account",
  unlinked: "A sign-in provider was unlinked from your account",
};

export function OAuthChangedEmail({ appName, email, change, provider, providerEmail, connectionsLink, context }: OAuthChangedEmailProps): ReactElement {
  const who = providerEmail ? ` (${providerEmail})` : "";
  const what =
    change === "linked"
      ? `A ${provider} account${who} was linked to your account. It can now be used to sign in.`
      : `The ${provider} account${who} was unlinked from your account. It can no longer be used to sign in.`;
  return (
    <EmailLayout preview={`${OAUTH_CHANGED_SUBJECTS[change]} on ${appName}`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>{what}</EmailText>
      <EmailChangeDetails context={context} />
      <EmailText>{"If this wasn't you, unlink it here:"}</EmailText>
      <EmailAction href={connectionsLink} label="Review connected accounts" />
      <EmailIfNotYou context={context} />
    </EmailLayout>
  );
}
