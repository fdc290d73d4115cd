import type { ReactElement } from "react";
import { type EmailChangeContext, EmailChangeDetails, EmailLayout, EmailText } from "./layout";

export interface ChangeEmailNoticeEmailProps {
  appName: string;
  oldEmail: string;
  newEmail: string;
  context?: EmailChangeContext;
}

/** To the OLD address once the change is done (Gatehouse's own). */
export function ChangeEmailNoticeEmail({ appName, oldEmail, newEmail, context }: ChangeEmailNoticeEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Your ${appName} email address was changed`} appName={appName}>
      <EmailText>{`Hello ${oldEmail},`}</EmailText>
      <EmailText>{`The email address of your account is now ${newEmail}. This address no longer signs in to it and will get no more mail about it.`}</EmailText>
      <EmailChangeDetails context={context} />
      <EmailText>If you did not make this change, contact support straight away: someone else may control your account.</EmailText>
    </EmailLayout>
  );
}
