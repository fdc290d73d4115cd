import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { localeOfThisRequest } from "@/lib/i18n/request-locale";
import { SiteChrome } from "@/app/site-chrome";
import { buttonVariants } from "@/components/ui/button";

export default async function Forbidden() {
  // With its language named: Next renders this boundary into every page's payload, before a
  // prerendered page's [locale] layout has named the page's language (see lib/i18n/request.ts).
  const locale = await localeOfThisRequest();
  const t = await getTranslations({ locale, namespace: "status.forbidden" });
  return (
    <SiteChrome locale={locale}>
      <div className="status-page">
        <p className="text-sm font-semibold text-accent">403</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-3 text-muted">{t("body")}</p>
        <Link href="/account" className={buttonVariants({ variant: "secondary", className: "mt-8" })}>
          {t("action")}
        </Link>
      </div>
    </SiteChrome>
  );
}
