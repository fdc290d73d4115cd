import type { ReactElement } from "react";
import { EmailLayout, EmailText } from "./layout";

export interface ChangeEmailNoticeEmailProps {
  appName: string;
  oldEmail: string;
  newEmail: string;
}

/** To the OLD address once the change is done (Gatehouse's own). */
export function ChangeEmailNoticeEmail({ appName, oldEmail, newEmail }: ChangeEmailNoticeEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Your ${appName} email address was changed`} appName={appName}>
      <EmailText>{`Hello ${oldEmail},`}</EmailText>
      <EmailText>{`The email address of your account is now ${newEmail}. This address no longer signs in to it and will get no more mail about it.`}</EmailText>
      <EmailText>If you did not make this change, contact support straight away: someone else may control your account.</EmailText>
    </EmailLayout>
  );
}
