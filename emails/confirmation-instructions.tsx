import type { ReactElement } from "react";
import { EmailAction, EmailLayout, EmailText } from "./layout";

export interface ConfirmationInstructionsEmailProps {
  appName: string;
  email: string;
  confirmationLink: string;
  /** Humanized lifetime of the link, e.g. "2 days". */
  within: string;
}

export function ConfirmationInstructionsEmail({ appName, email, confirmationLink, within }: ConfirmationInstructionsEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Confirm your email address for ${appName}`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>Please confirm your email address.</EmailText>
      <EmailAction href={confirmationLink} label="Confirm email" expiresIn={within} />
    </EmailLayout>
  );
}
