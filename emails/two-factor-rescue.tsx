import type { ReactElement } from "react";
import { EmailCode, EmailLayout, EmailText } from "./layout";

// Sent to the site administrator (not the user) when someone who lost their second factor asks
// for help. The admin must check who is asking before resetting anything: this mail alone proves
// only that someone knew the account's password.
export interface TwoFactorRescueEmailProps {
  appName: string;
  /** The account asking for help. */
  email: string;
  userId: string;
}

export function TwoFactorRescueEmail({ appName, email, userId }: TwoFactorRescueEmailProps): ReactElement {
  return (
    <EmailLayout preview={`${email} asked for help signing in to ${appName}`} appName={appName}>
      <EmailText>{`${email} can't use their second sign-in step and asked for help.`}</EmailText>
      <EmailText>
        User id: <EmailCode>{userId}</EmailCode>
      </EmailText>
      <EmailText>{"Make sure it's really them before you reset their two-step verification."}</EmailText>
    </EmailLayout>
  );
}
