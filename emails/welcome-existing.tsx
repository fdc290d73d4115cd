import type { ReactElement } from "react";
import { EmailAction, EmailCode, EmailLayout, EmailText } from "./layout";

// Sent instead of an error when someone registers an address that already has an account, so the
// registration form doesn't reveal which addresses are registered (account enumeration).
export interface WelcomeExistingEmailProps {
  appName: string;
  email: string;
  resetLink: string | null;
  /** Only while the existing account is still unconfirmed. */
  confirmationLink: string | null;
  username: string | null;
}

export function WelcomeExistingEmail({
  appName,
  email,
  resetLink,
  confirmationLink,
  username,
}: WelcomeExistingEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Someone tried to register ${email} on ${appName}`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>Someone (you?) tried to register this email address. It already has an account.</EmailText>
      {username ? (
        <EmailText>
          Your username is <EmailCode>{username}</EmailCode>.
        </EmailText>
      ) : null}
      {resetLink ? (
        <>
          <EmailText>If you forgot your password, you can reset it:</EmailText>
          <EmailAction href={resetLink} label="Reset password" />
        </>
      ) : null}
      {confirmationLink ? (
        <>
          <EmailText>Your email address is not confirmed yet. Confirm it here:</EmailText>
          <EmailAction href={confirmationLink} label="Confirm email" />
        </>
      ) : null}
      <EmailText>{"If this wasn't you, you can ignore this email."}</EmailText>
    </EmailLayout>
  );
}
