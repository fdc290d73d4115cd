import type { ReactElement } from "react";
import { EmailAction, EmailLayout, EmailText } from "./layout";

export type PasskeyChange = "added" | "removed";

export interface PasskeyChangedEmailProps {
  appName: string;
  email: string;
  change: PasskeyChange;
  /** The passkey's name as the user gave it. */
  name: string;
  passkeysLink: string;
}

export const PASSKEY_CHANGED_SUBJECTS: Readonly<Record<PasskeyChange, string>> = {
  added: "A passkey was added to your account",
  removed: "A passkey was removed from your account",
};

export function PasskeyChangedEmail({ appName, email, change, name, passkeysLink }: PasskeyChangedEmailProps): ReactElement {
  const what =
    change === "added"
      ? `A passkey named "${name}" was added to your account. It can now be used to sign in.`
      : `The passkey named "${name}" was removed from your account. It can no longer be used to sign in.`;
  return (
    <EmailLayout preview={`${PASSKEY_CHANGED_SUBJECTS[change]} on ${appName}`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>{what}</EmailText>
      <EmailText>{"If this wasn't you, review your passkeys and change your password:"}</EmailText>
      <EmailAction href={passkeysLink} label="Review passkeys" />
    </EmailLayout>
  );
}
