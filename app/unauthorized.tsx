import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";

/**
 * unauthorized()'s page (authInterrupts is on for forbidden()). Nothing calls unauthorized() —
 * guards redirect to /login — but Next puts this page into every page's RSC payload, once per
 * layout: this one is a few hundred bytes where Next's default is over a kilobyte (decision 068).
 */
export default async function Unauthorized() {
  const t = await getTranslations("site.unauthorized");
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
