import type { ReactElement } from "react";
import { codeMethodName } from "@/lib/view/labels";
import { EmailAction, EmailLayout, EmailText } from "./layout";

export type TwoFactorChange = "enabled" | "changed" | "disabled";

export interface TwoFactorChangedEmailProps {
  appName: string;
  email: string;
  change: TwoFactorChange;
  /**
   * The method's key ("authenticator", "email", "sms"), rendered through lib/view/labels.ts: the
   * new one, or for "disabled" the one removed. Words (e.g. "authenticator app") render as they are.
   */
  method: string | null;
  securityLink: string;
}

export const TWO_FACTOR_CHANGED_SUBJECTS: Readonly<Record<TwoFactorChange, string>> = {
  enabled: "Two-factor authentication enabled",
  changed: "Your two-factor method changed",
  disabled: "Two-factor authentication disabled",
};

function describeChange(change: TwoFactorChange, key: string | null): string {
  const method = key ? codeMethodName(key) : null;
  switch (change) {
    case "enabled":
      return method ? `Two-factor authentication is now on for your account, using ${method}.` : "Two-factor authentication is now on for your account.";
    case "changed":
      return method ? `Your two-factor method is now ${method}.` : "Your two-factor method was changed.";
    case "disabled":
      return method ? `Two-factor authentication (${method}) was turned off for your account.` : "Two-factor authentication was turned off for your account.";
  }
}

export function TwoFactorChangedEmail({ appName, email, change, method, securityLink }: TwoFactorChangedEmailProps): ReactElement {
  return (
    <EmailLayout preview={`${TWO_FACTOR_CHANGED_SUBJECTS[change]} on ${appName}`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>{describeChange(change, method)}</EmailText>
      <EmailText>{"If this wasn't you, secure your account:"}</EmailText>
      <EmailAction href={securityLink} label="Review security settings" />
    </EmailLayout>
  );
}
