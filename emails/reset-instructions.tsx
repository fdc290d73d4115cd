import type { ReactElement } from "react";
import { EmailAction, EmailLayout, EmailText } from "./layout";

export interface ResetInstructionsEmailProps {
  appName: string;
  email: string;
  resetLink: string;
  /** Humanized lifetime of the link, e.g. "1 day". */
  within: string;
}

export function ResetInstructionsEmail({ appName, email, resetLink, within }: ResetInstructionsEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Reset your ${appName} password`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>Someone asked to reset the password of your account. To choose a new password:</EmailText>
      <EmailAction href={resetLink} label="Reset password" expiresIn={within} />
      <EmailText>If you did not ask, ignore this email; your password stays the same.</EmailText>
    </EmailLayout>
  );
}
