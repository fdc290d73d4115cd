import type { ReactElement } from "react";
import { EmailAction, EmailLayout, EmailText } from "./layout";

export interface AccountLockedEmailProps {
  appName: string;
  email: string;
  unlockLink: string;
  within: string;
  resetLink: string;
}

/** Sent when the consecutive-failure lock closes: the owner can reopen it, a stranger cannot keep it shut. */
export function AccountLockedEmail({ appName, email, unlockLink, within, resetLink }: AccountLockedEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Sign-in to your ${appName} account is locked`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>
        Signing in to your account is locked after too many wrong passwords or codes in a row. If that was you, unlock it with the button below.
      </EmailText>
      <EmailAction href={unlockLink} label="Unlock my account" expiresIn={within} />
      <EmailText>
        If it wasn&apos;t you, someone may be guessing your password: unlock only when you are ready to sign in, and consider resetting your password.
      </EmailText>
      <EmailAction href={resetLink} label="Reset password" />
    </EmailLayout>
  );
}
