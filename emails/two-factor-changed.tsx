import type { ReactElement } from "react";
import { codeMethodName } from "@/lib/view/labels";
import { EmailAction, EmailChangeDetails, EmailIfNotYou, EmailLayout, EmailText, type EmailChangeContext } from "./layout";

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
  context?: EmailChangeContext;
}

export const TWO_FACTOR_CHANGED_SUBJECTS: Readonly<Record<TwoFactorChange, string>> = {
  enabled: "Two-step verification was turned on",
  changed: "Your two-step verification method was changed",
  disabled: "Two-step verification was turned off",
};

function describeChange(change: TwoFactorChange, key: string | null): string {
  const method = key ? codeMethodName(key) : null;
  switch (change) {
    case "enabled":
      return method ? `Two-step verification is now on for your account, using ${method}.` : "Two-step verification is now on for your account.";
    case "changed":
      return method ? `Your second step when signing in is now ${method}.` : "Your second step when signing in was changed.";
    case "disabled":
      return method ? `Two-step verification (${method}) was turned off for your account.` : "Two-step verification was turned off for your account.";
  }
}

export function TwoFactorChangedEmail({ appName, email, change, method, securityLink, context }: TwoFactorChangedEmailProps): ReactElement {
  return (
    <EmailLayout preview={`${TWO_FACTOR_CHANGED_SUBJECTS[change]} on ${appName}`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>{describeChange(change, method)}</EmailText>
      <EmailChangeDetails context={context} />
      <EmailText>You can review how your account is protected here:</EmailText>
      <EmailAction href={securityLink} label="Review security settings" />
      <EmailIfNotYou context={context} />
    </EmailLayout>
  );
}
