import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import { NoticeBanner } from "@/components/notice-banner";
import type { Locale } from "@/lib/i18n/locales";
import { formWords } from "@/lib/view/form-words-server";
import type { Notice } from "@/lib/view/notices";
import { staticPageSettings } from "@/lib/view/static-settings";
import { ForgotPasswordForm } from "./forgot-password-form";

/** The page's title; a prerendered copy names its language (its metadata is read before its layout sets it). */
export async function forgotPasswordMetadata(locale?: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale: locale ?? (await getLocale()), namespace: "recovery.forgot" });
  return { title: t("title") };
}

/** The reset request page, prerendered for a bare /forgot-password, per request otherwise (decision 067). */
export async function ForgotPasswordView({ email = "", notice = null }: { email?: string; notice?: Notice | null }) {
  const config = staticPageSettings();
  if (!config.features.recoverable) notFound();
  const [t, fields] = await Promise.all([getTranslations("recovery.forgot"), formWords()]);
  return (
    <AuthShell
      appName={config.appName}
      title={t("title")}
      description={t("description")}
      footer={
        <p>
          {t.rich("remembered", {
            link: (chunks) => (
              <Link href="/login" className="link">
                {chunks}
              </Link>
            ),
          })}
        </p>
      }
    >
      <NoticeBanner notice={notice} />
      <ForgotPasswordForm email={email} words={{ label: t("label"), email: t("email"), submit: t("submit") }} formWords={fields} />
    </AuthShell>
  );
}
