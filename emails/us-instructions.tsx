import type { ReactElement } from "react";
import { Text } from "@react-email/components";
import { EmailAction, EmailCode, EmailLayout, EmailText, emailTheme } from "./layout";

// Unified sign-in: the one-time code, and (when signing in, not during set-up) a link that
// signs in without typing it. The code stays out of the preview line (locked-phone notifications).
export interface UsInstructionsEmailProps {
  appName: string;
  email: string;
  code: string;
  /** A single-use sign-in link, or null during set-up and re-verification. */
  loginLink: string | null;
  /** Humanized lifetime, e.g. "2 minutes". */
  within: string;
}

export function UsInstructionsEmail({ appName, email, code, loginLink, within }: UsInstructionsEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Your ${appName} verification code`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>
        {loginLink
          ? `Here is your code to sign in to ${appName}. Enter it on the sign-in page, or use the button below:`
          : `Here is your code to confirm it's you on ${appName}. Enter it on the page that asked for it:`}
      </EmailText>
      <Text style={{ color: emailTheme.text, fontSize: "28px", fontWeight: 600, letterSpacing: "6px", lineHeight: "40px", margin: "0 0 16px" }}>
        <EmailCode>{code}</EmailCode>
      </Text>
      <EmailText>{`The code works once and expires in ${within}. Never share it: ${appName} will never ask you for it.`}</EmailText>
      {loginLink ? <EmailAction href={loginLink} label="Sign in" expiresIn={within} /> : null}
      <EmailText>{"If you didn't ask for this code, you can ignore this email: nobody can use it without your account."}</EmailText>
    </EmailLayout>
  );
}
