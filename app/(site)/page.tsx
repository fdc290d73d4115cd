import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { NoticeBanner } from "@/components/notice-banner";
import { buttonVariants } from "@/components/ui/button";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { getSession } from "@/lib/security/sessions/current";

const FEATURES = ["passwords", "email", "sessions", "roles"] as const;

export default async function HomePage({ searchParams }: { searchParams: SearchParams }) {
  const [config, current, params] = [getConfig(), await getSession(), await searchParams];
  const t = await getTranslations("site.home");
  return (
    <div className="page-width py-12 md:py-20">
      <div className="mx-auto max-w-md">
        <NoticeBanner notice={noticeFrom(params.notice, undefined, await getLocale())} />
      </div>
      <section className="mx-auto mt-6 max-w-2xl text-center">
        <h1 className="text-4xl font-semibold tracking-tight text-balance sm:text-5xl">{t("title")}</h1>
        <p className="mt-4 text-lg text-muted text-balance">{t("lead", { appName: config.appName })}</p>
        <div className="mt-8 flex flex-wrap justify-center gap-3">
          {current ? (
            <Link href="/account" className={buttonVariants({ variant: "primary" })}>
              {t("toAccount")}
            </Link>
          ) : (
            <>
              <Link href="/register" className={buttonVariants({ variant: "primary" })}>
                {t("createAccount")}
              </Link>
              <Link href="/login" className={buttonVariants({ variant: "secondary" })}>
                {t("signIn")}
              </Link>
            </>
          )}
        </div>
      </section>
      <section aria-labelledby="features" className="mt-16">
        <h2 id="features" className="sr-only">
          {t("features")}
        </h2>
        <ul className="grid gap-4 sm:grid-cols-2">
          {FEATURES.map((feature) => (
            <li key={feature} className="rounded-2xl border border-border bg-surface p-5">
              <h3 className="font-semibold">{t(`${feature}.title`)}</h3>
              <p className="mt-1 text-sm text-muted">{t(`${feature}.body`)}</p>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
