import type { ReactElement } from "react";
import { Text } from "@react-email/components";
import { EmailCode, EmailLayout, EmailText, emailTheme } from "./layout";

// The one-time code for signing in with the email second factor. The code stays out of the
// preview line so it doesn't show on a locked phone's notification.
export interface TwoFactorInstructionsEmailProps {
  appName: string;
  email: string;
  /** The one-time code, digits only (e.g. "123456"). */
  code: string;
  /** Humanized lifetime of the code, e.g. "5 minutes". */
  within: string;
}

export function TwoFactorInstructionsEmail({ appName, email, code, within }: TwoFactorInstructionsEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Your ${appName} sign-in code`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>{`Here is your code for the second step of signing in to ${appName} (or of setting up email codes, if you just did that). Enter it on the page that asked for it:`}</EmailText>
      {/* Spaced by letter-spacing, not by characters, so copy-paste and the plain-text part keep the digits contiguous. */}
      <Text style={{ color: emailTheme.text, fontSize: "28px", fontWeight: 600, letterSpacing: "6px", lineHeight: "40px", margin: "0 0 16px" }}>
        <EmailCode>{code}</EmailCode>
      </Text>
      <EmailText>{`It works once and expires in ${within}. Never share it: ${appName} will never ask you for it.`}</EmailText>
      <EmailText>{"If you didn't just try to sign in, someone may know your password: change it."}</EmailText>
    </EmailLayout>
  );
}
