import type { Metadata } from "next";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { getLocale, getTranslations } from "next-intl/server";
import { AuthShell } from "@/components/auth-shell";
import type { Locale } from "@/lib/i18n/locales";
import { formWords } from "@/lib/view/form-words-server";
import { staticPageSettings } from "@/lib/view/static-settings";
import { RecoverUsernameForm } from "./recover-username-form";

/** The page's title; a prerendered copy names its language (its metadata is read before its layout sets it). */
export async function recoverUsernameMetadata(locale?: Locale): Promise<Metadata> {
  const t = await getTranslations({ locale: locale ?? (await getLocale()), namespace: "recovery.username" });
  return { title: t("title") };
}

/** Prerendered for a visitor with no session cookie, per request otherwise (decision 067). */
export async function RecoverUsernameView() {
  if (!staticPageSettings().features.usernameRecovery) notFound();
  const [t, fields] = await Promise.all([getTranslations("recovery.username"), formWords()]);
  return (
    <AuthShell
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
      <RecoverUsernameForm words={{ label: t("label"), email: t("email"), submit: t("submit") }} formWords={fields} />
    </AuthShell>
  );
}
