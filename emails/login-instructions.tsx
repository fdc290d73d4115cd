import type { ReactElement } from "react";
import { EmailAction, EmailLayout, EmailText } from "./layout";

/** Passwordless sign-in: a single-use link (Flask-Security's login_instructions). */
export interface LoginInstructionsEmailProps {
  appName: string;
  email: string;
  loginLink: string;
  /** Humanized lifetime, e.g. "1 day". */
  within: string;
}

export function LoginInstructionsEmail({ appName, email, loginLink, within }: LoginInstructionsEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Sign in to ${appName}`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>Click the button below to sign in. The link works once, in the browser where you asked for it.</EmailText>
      <EmailAction href={loginLink} label="Sign in" expiresIn={within} />
      <EmailText>If you did not ask to sign in, you can ignore this email.</EmailText>
    </EmailLayout>
  );
}
