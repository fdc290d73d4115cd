import type { ReactElement } from "react";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailLayout, EmailText } from "./layout";

export interface ResetNoticeEmailProps {
  appName: string;
  email: string;
  signInLink: string;
  /** Factors set up before the address was confirmed, removed by the reset (in words). */
  removed?: string[];
  context?: EmailChangeContext;
}

export function ResetNoticeEmail({ appName, email, signInLink, removed = [], context }: ResetNoticeEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Your ${appName} password has been reset`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>Your password has been reset, and every device that was signed in has been signed out. You can now sign in with your new password.</EmailText>
      <EmailChangeDetails context={context} />
      {removed.length ? (
        <EmailText>
          {`These were set up before your email address was confirmed, so they were removed (set them up again if they were yours): ${removed.join("; ")}.`}
        </EmailText>
      ) : null}
      <EmailAction href={signInLink} label="Sign in" />
      <EmailText>
        {"If you didn't reset your password, someone else may have access to your email. Secure your email account, then reset your password again."}
      </EmailText>
    </EmailLayout>
  );
}
