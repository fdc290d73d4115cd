import type { ReactElement } from "react";
import { EmailAction, EmailLayout, EmailText } from "./layout";

export interface WelcomeEmailProps {
  appName: string;
  email: string;
  /** Null when confirmation is off: registration then needs no follow-up. */
  confirmationLink: string | null;
  /** Humanized lifetime of the confirmation link, e.g. "2 days". */
  within: string;
}

export function WelcomeEmail({ appName, email, confirmationLink, within }: WelcomeEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Welcome to ${appName}`} appName={appName}>
      <EmailText>{`Welcome ${email}!`}</EmailText>
      {confirmationLink ? (
        <>
          <EmailText>Please confirm your email address to finish setting up your account.</EmailText>
          <EmailAction href={confirmationLink} label="Confirm email" expiresIn={within} />
        </>
      ) : null}
    </EmailLayout>
  );
}
