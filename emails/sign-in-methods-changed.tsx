import type { ReactElement } from "react";
import { codeMethodName, SIGN_IN_WITH } from "@/lib/view/labels";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailIfNotYou, EmailLayout, EmailText } from "./layout";

/** Gatehouse's own notice: a sign-in method was added or removed (Flask-Security's us_profile_changed). */
export interface SignInMethodsChangedEmailProps {
  appName: string;
  email: string;
  change: "added" | "removed";
  /** The method's key ("sms"), rendered through lib/view/labels.ts; words ("text message codes") render as they are. */
  method: string;
  methodsLink: string;
  context?: EmailChangeContext;
}

export function SignInMethodsChangedEmail({ appName, email, change, method: key, methodsLink, context }: SignInMethodsChangedEmailProps): ReactElement {
  const method = codeMethodName(key, SIGN_IN_WITH);
  const what = change === "added" ? `You can now sign in to your account with ${method}.` : `Signing in with ${method} was turned off for your account.`;
  return (
    <EmailLayout preview={`Your ${appName} sign-in methods changed`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>{what}</EmailText>
      <EmailChangeDetails context={context} />
      <EmailText>You can review how you sign in here:</EmailText>
      <EmailAction href={methodsLink} label="Review how you sign in" />
      <EmailIfNotYou context={context} />
    </EmailLayout>
  );
}
