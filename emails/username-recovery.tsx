import type { ReactElement } from "react";
import { EmailAction, EmailLayout, EmailText } from "./layout";

export interface UsernameRecoveryEmailProps {
  appName: string;
  email: string;
  /** Null when the account has none (it signs in with its email address). */
  username: string | null;
  signInLink: string;
}

/** Flask-Security's username_recovery. */
export function UsernameRecoveryEmail({ appName, email, username, signInLink }: UsernameRecoveryEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Your ${appName} username`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>{username ? `Your username is: ${username}` : "Your account has no username: sign in with this email address."}</EmailText>
      <EmailAction href={signInLink} label="Sign in" />
      <EmailText>If you did not ask for this, ignore this email.</EmailText>
    </EmailLayout>
  );
}
