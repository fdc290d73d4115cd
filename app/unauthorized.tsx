import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { localeOfThisRequest } from "@/lib/i18n/request-locale";
import { buttonVariants } from "@/components/ui/button";

/**
 * unauthorized()'s page (authInterrupts is on for forbidden()). Nothing calls unauthorized() —
 * guards redirect to /login — but Next puts this page into every page's RSC payload, once per
 * layout: this one is a few hundred bytes where Next's default is over a kilobyte (decision 068).
 */
export default async function Unauthorized() {
  // With its language named: Next renders this boundary into every page's payload, before a
  // prerendered page's [locale] layout has named the page's language (see lib/i18n/request.ts).
  const locale = await localeOfThisRequest();
  const t = await getTranslations({ locale, namespace: "site.unauthorized" });
  return (
    <div className="status-page">
      <p className="text-sm font-semibold text-accent">401</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{t("title")}</h1>
      <Link href="/login" className={buttonVariants({ variant: "secondary", className: "mt-8" })}>
        {t("action")}
      </Link>
    </div>
  );
}
