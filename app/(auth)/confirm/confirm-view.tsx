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
import { ResendConfirmationForm } from "./resend-form";

/** The page's title; a prerendered copy names its language (its metadata is read before its layout sets it). */
export async function confirmMetadata(locale?: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale: locale ?? (await getLocale()), namespace: "confirm" });
  return { title: t("title") };
}

/** The resend-confirmation page, prerendered for a bare /confirm, per request otherwise (decision 067). */
export async function ConfirmView({ email = "", notice = null }: { email?: string; notice?: Notice | null }) {
  const config = staticPageSettings();
  if (!config.features.confirmable) notFound();
  const [t, fields] = await Promise.all([getTranslations("confirm.resend"), formWords()]);
  return (
    <AuthShell
      appName={config.appName}
      title={t("heading")}
      description={t("description")}
      footer={
        <p>
          <Link href="/login" className="link">
            {t("back")}
          </Link>
        </p>
      }
    >
      <NoticeBanner notice={notice} />
      <ResendConfirmationForm email={email} words={{ label: t("label"), email: t("email"), submit: t("submit") }} formWords={fields} />
    </AuthShell>
  );
}
