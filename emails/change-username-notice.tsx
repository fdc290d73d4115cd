import type { ReactElement } from "react";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailIfNotYou, EmailLayout, EmailText } from "./layout";

export interface ChangeUsernameNoticeEmailProps {
  appName: string;
  email: string;
  /** The new username, or null when it was removed. */
  username: string | null;
  oldUsername: string | null;
  /** Null when password recovery is off. */
  resetLink: string | null;
  context?: EmailChangeContext;
}

/** Flask-Security's change_username_notice. */
export function ChangeUsernameNoticeEmail({ appName, email, username, oldUsername, resetLink, context }: ChangeUsernameNoticeEmailProps): ReactElement {
  const what = username ? `Your username is now ${username}.` : "Your account no longer has a username: sign in with your email address.";
  return (
    <EmailLayout preview={`Your ${appName} username has been changed`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>{oldUsername ? `${what} The old username ${oldUsername} no longer signs in.` : what}</EmailText>
      <EmailChangeDetails context={context} />
      {context ? (
        <EmailIfNotYou context={context} />
      ) : resetLink ? (
        <>
          <EmailText>If you did not make this change, reset your password, which signs out every device:</EmailText>
          <EmailAction href={resetLink} label="Reset password" />
        </>
      ) : null}
    </EmailLayout>
  );
}
