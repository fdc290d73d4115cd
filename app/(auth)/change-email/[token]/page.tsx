import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { LinkActionForm } from "@/components/forms/link-action-form";
import { Alert } from "@/components/ui/alert";
import { getConfig } from "@/lib/security/config";
import { humanizeDuration } from "@/lib/security/config/duration";
import { textFor } from "@/lib/view/text";
import { checkEmailChangeToken } from "@/lib/security/lifecycle/change-email";
import { confirmEmailChangeAction } from "./actions";

export const metadata: Metadata = { title: "Confirm your new email address", referrer: "no-referrer" };

/**
 * The link mailed to the new address. It works in any browser, signed in or not, and changes
 * nothing until the click (a POST): mail scanners fetch links.
 */
export default async function ChangeEmailLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const config = getConfig();
  const link = await checkEmailChangeToken(token);
  return (
    <AuthShell
      appName={config.appName}
      title="Confirm your new email address"
      description={link.state === "valid" ? `Your account will sign in with ${link.newEmail} from now on.` : undefined}
    >
      {link.state === "valid" ? (
        <LinkActionForm action={confirmEmailChangeAction.bind(null, token)} label="Confirm new email address" />
      ) : (
        <Alert tone="error">
          {link.state === "expired"
            ? textFor("CHANGE_EMAIL_EXPIRED", { within: humanizeDuration(config.within.changeEmail) }, await getLocale())
            : textFor("INVALID_CHANGE_EMAIL_TOKEN", undefined, await getLocale())}
        </Alert>
      )}
    </AuthShell>
  );
}
