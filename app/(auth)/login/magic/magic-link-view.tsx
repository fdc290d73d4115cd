import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { EmailOnlyForm } from "@/components/forms/email-only-form";
import type { Locale } from "@/lib/i18n/locales";
import { formWords } from "@/lib/view/form-words-server";
import { staticPageSettings } from "@/lib/view/static-settings";
import { requestMagicLinkAction, requestMagicLinkPosted } from "./actions";

/** The page's <title>; a prerendered copy names its language (its request has none). */
export async function magicLinkMetadata(locale?: Locale): Promise<Metadata> {
  const t = await (locale ? getTranslations({ locale, namespace: "signIn.magic" }) : getTranslations("signIn.magic"));
  return { title: t("title") };
}

/**
 * Passwordless sign-in (SECURITY_PASSWORDLESS): an emailed single-use link. Prerendered for a
 * visitor with no session cookie, per request otherwise (decision 067).
 */
export async function MagicLinkView() {
  if (!staticPageSettings().magicLink.enabled) notFound();
  const [t, fields] = await Promise.all([getTranslations("signIn.magic"), formWords()]);
  return (
    <AuthShell
      title={t("title")}
      description={t("description")}
      footer={
        <p>
          <Link href="/login" className="link">
            {t("back")}
          </Link>
        </p>
      }
    >
      <EmailOnlyForm
        action={requestMagicLinkAction}
        posted={requestMagicLinkPosted}
        permalink="/login/magic"
        email=""
        submitLabel={t("submit")}
        ariaLabel={t("formLabel")}
        emailLabel={t("email")}
        formWords={fields}
      />
    </AuthShell>
  );
}
