import type { ReactElement } from "react";
import { EmailAction, EmailCode, EmailLayout, EmailText } from "./layout";

// Sent instead of an error when someone registers an address that already has an account, so the
// registration form doesn't reveal which addresses are registered (account enumeration).
export interface WelcomeExistingEmailProps {
  appName: string;
  email: string;
  /** The forgot-password page, for a confirmed account. */
  resetLink: string | null;
  /**
   * For an account whose address was never confirmed: a reset link that makes the account the
   * address owner's (it sets their password, confirms the address and removes whatever the other
   * registrant set up). Never a confirmation link: that would confirm someone else's password.
   */
  takeOverLink: string | null;
  username: string | null;
}

export function WelcomeExistingEmail({ appName, email, resetLink, takeOverLink, username }: WelcomeExistingEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Someone tried to register ${email} on ${appName}`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>Someone (you?) tried to register this email address. It already has an account.</EmailText>
      {username ? (
        <EmailText>
          Your username is <EmailCode>{username}</EmailCode>.
        </EmailText>
      ) : null}
      {takeOverLink ? (
        <>
          <EmailText>
            This address was registered but never confirmed. If you did not register it, someone else may have. Choose your own password to make the account
            yours: anything the other person set up will be removed.
          </EmailText>
          <EmailAction href={takeOverLink} label="Set my password" />
        </>
      ) : null}
      {resetLink ? (
        <>
          <EmailText>If you forgot your password, you can reset it:</EmailText>
          <EmailAction href={resetLink} label="Reset password" />
        </>
      ) : null}
      <EmailText>If this wasn&apos;t you, you can ignore this email.</EmailText>
    </EmailLayout>
  );
}
