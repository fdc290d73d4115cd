import type { ReactElement } from "react";
import { EmailAction, EmailLayout, EmailText } from "./layout";

export interface ChangeEmailInstructionsEmailProps {
  appName: string;
  /** The account's address now; it stays until the link is used. */
  currentEmail: string;
  newEmail: string;
  link: string;
  /** Humanized lifetime of the link, e.g. "2 hours". */
  within: string;
}

/** To the NEW address (Flask-Security's change_email_instructions). */
export function ChangeEmailInstructionsEmail({ appName, currentEmail, newEmail, link, within }: ChangeEmailInstructionsEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Confirm your new ${appName} email address`} appName={appName}>
      <EmailText>{`Hello ${newEmail},`}</EmailText>
      <EmailText>{`The ${appName} account of ${currentEmail} asked to use this address from now on. To confirm that this address is yours:`}</EmailText>
      <EmailAction href={link} label="Confirm new email address" expiresIn={within} />
      <EmailText>{`Until you do, the account keeps signing in with ${currentEmail}. If you did not ask for this, ignore this email.`}</EmailText>
    </EmailLayout>
  );
}
