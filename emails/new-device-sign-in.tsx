import type { ReactElement } from "react";
import { EmailAction, EmailLayout, EmailResetOffer, EmailText } from "./layout";

export interface NewDeviceSignInEmailProps {
  appName: string;
  email: string;
  /** When, already written out for the reader (in their time zone when the account has one, else UTC). */
  at: string;
  /** Browser and operating system as read from the user agent; approximate, it is the browser's own claim. */
  device: string;
  ip: string;
  sessionsLink: string;
  /** Null when password recovery is off. */
  resetLink: string | null;
}

/** After a sign-in from a browser that never signed in to this account before (Gatehouse's own, decision 038). */
export function NewDeviceSignInEmail({ appName, email, at, device, ip, sessionsLink, resetLink }: NewDeviceSignInEmailProps): ReactElement {
  return (
    <EmailLayout preview={`New sign-in to your ${appName} account`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>{`Your account was signed in to from a device it has not been used on before:`}</EmailText>
      <EmailText>{`When: ${at}`}</EmailText>
      <EmailText>{`Device: ${device}`}</EmailText>
      <EmailText>{`IP address: ${ip}`}</EmailText>
      <EmailText>If this was you, there is nothing to do. If not, sign that device out from your sessions page:</EmailText>
      <EmailAction href={sessionsLink} label="Review your sessions" />
      <EmailResetOffer resetLink={resetLink} />
    </EmailLayout>
  );
}
