import type { ReactElement } from "react";
import { EmailAction, type EmailChangeContext, EmailChangeDetails, EmailIfNotYou, EmailLayout, EmailText } from "./layout";

export interface RecoveryCodeUsedEmailProps {
  appName: string;
  email: string;
  /** Unused recovery codes left after this one. */
  remaining: number;
  codesLink: string;
  context?: EmailChangeContext;
}

/** At or below this many codes left, the mail offers a fresh set. */
const LOW_CODES = 2;

export function RecoveryCodeUsedEmail({ appName, email, remaining, codesLink, context }: RecoveryCodeUsedEmailProps): ReactElement {
  return (
    <EmailLayout preview={`A recovery code was used on your ${appName} account`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>
        {`A recovery code was just used to sign in to your account. You have ${remaining} unused ${remaining === 1 ? "code" : "codes"} left.`}
      </EmailText>
      <EmailChangeDetails context={context} />
      {remaining <= LOW_CODES ? (
        <>
          <EmailText>Generate a new set:</EmailText>
          <EmailAction href={codesLink} label="Generate new codes" />
        </>
      ) : null}
      {context ? <EmailIfNotYou context={context} /> : <EmailText>{"If this wasn't you, reset your password immediately."}</EmailText>}
    </EmailLayout>
  );
}
