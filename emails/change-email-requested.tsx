import type { ReactElement } from "react";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailLayout, EmailResetOffer, EmailText } from "./layout";

export interface ChangeEmailRequestedEmailProps {
  appName: string;
  email: string;
  newEmail: string;
  cancelLink: string;
  /** Null when password recovery is off. */
  resetLink: string | null;
  within: string;
  context?: EmailChangeContext;
}

/** To the OLD address when a change is asked for (Gatehouse's own: Flask-Security never tells it). */
export function ChangeEmailRequestedEmail({ appName, email, newEmail, cancelLink, resetLink, within, context }: ChangeEmailRequestedEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Someone asked to change your ${appName} email address`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>{`Someone signed in to your account asked to change its email address to ${newEmail}. Nothing changes unless that address confirms within ${within}.`}</EmailText>
      <EmailChangeDetails context={context} />
      <EmailText>If this was not you, cancel the change:</EmailText>
      <EmailAction href={cancelLink} label="Cancel the change" />
      <EmailResetOffer resetLink={resetLink} />
    </EmailLayout>
  );
}
