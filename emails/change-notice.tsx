import type { ReactElement } from "react";
import { EmailAction, EmailLayout, EmailText } from "./layout";

export interface ChangeNoticeEmailProps {
  appName: string;
  email: string;
  /** Null when password recovery is off; the notice then just informs. */
  resetLink: string | null;
}

export function ChangeNoticeEmail({ appName, email, resetLink }: ChangeNoticeEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Your ${appName} password has been changed`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>Your password has been changed.</EmailText>
      {resetLink ? (
        <>
          <EmailText>If you did not change your password, click the link below to reset it.</EmailText>
          <EmailAction href={resetLink} label="Reset password" />
        </>
      ) : null}
    </EmailLayout>
  );
}
