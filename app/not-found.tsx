import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { SiteChrome } from "@/app/site-chrome";
import { buttonVariants } from "@/components/ui/button";

export default async function NotFound() {
  const t = await getTranslations("status.notFound");
  return (
    <SiteChrome>
      <div className="status-page">
        <p className="text-sm font-semibold text-accent">404</p>
        <h1 className="mt-2 text-3xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-3 text-muted">{t("body")}</p>
        <Link href="/" className={buttonVariants({ variant: "secondary", className: "mt-8" })}>
          {t("action")}
        </Link>
      </div>
    </SiteChrome>
  );
}
