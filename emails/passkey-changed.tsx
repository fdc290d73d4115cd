import type { ReactElement } from "react";
import type { PasskeyUsage } from "@/lib/security/config";
import { EmailAction, EmailChangeDetails, EmailIfNotYou, EmailLayout, EmailText, type EmailChangeContext } from "./layout";

export type PasskeyChange = "added" | "removed";

export interface PasskeyChangedEmailProps {
  appName: string;
  email: string;
  change: PasskeyChange;
  /** The passkey's name as the user gave it. */
  name: string;
  /** "first": it signs in on its own; "secondary": a security key for the second step. Absent in a payload queued before it was sent. */
  usage?: PasskeyUsage;
  passkeysLink: string;
  context?: EmailChangeContext;
}

export function passkeyChangedSubject({ change, usage }: Pick<PasskeyChangedEmailProps, "change" | "usage">): string {
  const what = usage === "secondary" ? "A security key" : "A passkey";
  return change === "added" ? `${what} was added to your account` : `${what} was removed from your account`;
}

/** What the key does now, in one sentence: only a sign-in passkey signs in by itself. */
function describeChange(change: PasskeyChange, name: string, usage: PasskeyUsage | undefined): string {
  if (usage === "secondary")
    return change === "added"
      ? `The security key "${name}" was added to your account. It can now be used as the second step when you sign in.`
      : `The security key "${name}" was removed from your account. It can no longer be used as a second step.`;
  return change === "added"
    ? `A passkey named "${name}" was added to your account. It can now be used to sign in.`
    : `The passkey named "${name}" was removed from your account. It can no longer be used to sign in.`;
}

export function PasskeyChangedEmail({ appName, email, change, name, usage, passkeysLink, context }: PasskeyChangedEmailProps): ReactElement {
  return (
    <EmailLayout preview={`${passkeyChangedSubject({ change, usage })} on ${appName}`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>{describeChange(change, name, usage)}</EmailText>
      <EmailChangeDetails context={context} />
      <EmailText>You can see and remove your passkeys on your account:</EmailText>
      <EmailAction href={passkeysLink} label="Review passkeys" />
      <EmailIfNotYou context={context} />
    </EmailLayout>
  );
}
