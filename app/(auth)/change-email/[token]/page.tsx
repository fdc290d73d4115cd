import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { LinkActionForm } from "@/components/forms/link-action-form";
import { Alert } from "@/components/ui/alert";
import { getConfig } from "@/lib/security/config";
import { humanizeDuration } from "@/lib/security/config/duration";
import { isolate } from "@/lib/view/account-words";
import { textFor } from "@/lib/view/text";
import { checkEmailChangeToken } from "@/lib/security/lifecycle/change-email";
import { confirmEmailChangeAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("changeEmail.confirm"))("title"), referrer: "no-referrer" };
}

/**
 * The link mailed to the new address. It works in any browser, signed in or not, and changes
 * nothing until the click (a POST): mail scanners fetch links.
 */
export default async function ChangeEmailLinkPage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const config = getConfig();
  const link = await checkEmailChangeToken(token);
  const [t, locale] = await Promise.all([getTranslations("changeEmail.confirm"), getLocale()]);
  return (
    <AuthShell
      appName={config.appName}
      title={t("title")}
      description={link.state === "valid" ? t("description", { email: isolate(link.newEmail, locale) }) : undefined}
    >
      {link.state === "valid" ? (
        <LinkActionForm action={confirmEmailChangeAction.bind(null, token)} label={t("submit")} />
      ) : (
        <Alert tone="error">
          {link.state === "expired"
            ? textFor("CHANGE_EMAIL_EXPIRED", { within: humanizeDuration(config.within.changeEmail) }, locale)
            : textFor("INVALID_CHANGE_EMAIL_TOKEN", undefined, locale)}
        </Alert>
      )}
    </AuthShell>
  );
}
