import type { ReactElement } from "react";
import { EmailLayout, EmailText } from "./layout";

export interface AccountDeletedEmailProps {
  appName: string;
  email: string;
  /** "self": the owner deleted it; "admin": an administrator did. */
  by: "self" | "admin";
}

/** The goodbye (Gatehouse's own). Sent after the account is gone: it carries no link into it. */
export function AccountDeletedEmail({ appName, email, by }: AccountDeletedEmailProps): ReactElement {
  return (
    <EmailLayout preview={`Your ${appName} account has been deleted`} appName={appName}>
      <EmailText>{`Hello ${email},`}</EmailText>
      <EmailText>
        {by === "self"
          ? `Your ${appName} account has been deleted, as you asked, with its sessions, passkeys, sign-in methods and recovery codes. Every device was signed out.`
          : `An administrator deleted your ${appName} account, with its sessions, passkeys, sign-in methods and recovery codes.`}
      </EmailText>
      <EmailText>{`If you did not expect this, contact support. You can register again with this address at any time. Thank you for using ${appName}.`}</EmailText>
    </EmailLayout>
  );
}
