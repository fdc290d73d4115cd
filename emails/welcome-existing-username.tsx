import type { ReactElement } from "react";
import { EmailLayout, EmailText } from "./layout";

// Sent to the new address when its chosen username is taken, so the form itself doesn't reveal
// which usernames exist.
export interface WelcomeExistingUsernameEmailProps {
  appName: string;
  email: string;
  username: string;
}

export function WelcomeExistingUsernameEmail({ appName, email, username }: WelcomeExistingUsernameEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Your ${appName} registration`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>{`You attempted to register with a username "${username}" that is already associated with another account.`}</EmailText>
      <EmailText>Please register again with a different username.</EmailText>
      <EmailText>{"If this wasn't you, you can ignore this email."}</EmailText>
    </EmailLayout>
  );
}
