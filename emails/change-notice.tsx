import type { ReactElement } from "react";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailIfNotYou, EmailLayout, EmailText } from "./layout";

export interface ChangeNoticeEmailProps {
  appName: string;
  email: string;
  /** Null when password recovery is off; the notice then just informs. */
  resetLink: string | null;
  context?: EmailChangeContext;
}

export function ChangeNoticeEmail({ appName, email, resetLink, context }: ChangeNoticeEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Your ${appName} password has been changed`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>The password of your account was changed. Your other devices were signed out.</EmailText>
      <EmailChangeDetails context={context} />
      {context ? (
        <EmailIfNotYou context={context} />
      ) : resetLink ? (
        <>
          <EmailText>{"If this wasn't you, reset your password:"}</EmailText>
          <EmailAction href={resetLink} label="Reset password" />
        </>
      ) : null}
    </EmailLayout>
  );
}
