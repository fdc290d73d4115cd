import type { ReactElement } from "react";
import { EmailAction, EmailLayout, EmailText } from "./layout";

export interface ResetNoticeEmailProps {
  appName: string;
  email: string;
  signInLink: string;
}

export function ResetNoticeEmail({ appName, email, signInLink }: ResetNoticeEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Your ${appName} password has been reset`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>Your password has been reset. You can now sign in with your new password.</EmailText>
      <EmailAction href={signInLink} label="Sign in" />
      <EmailText>
        {"If you didn't reset your password, someone else may have access to your email. Secure your email account, then reset your password again."}
      </EmailText>
    </EmailLayout>
  );
}
