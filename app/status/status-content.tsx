import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { buttonVariants } from "@/components/ui/button";
import { localeOfThisRequest } from "@/lib/i18n/request-locale";

/**
 * What a 404 and a 403 say, without a document around them. Next puts a segment's not-found and
 * forbidden boundaries into the RSC payload of every page under it, rendered, whether or not the
 * page fails: a boundary that draws the whole site chrome (header, theme switch, document) cost
 * ~4.9 kB per copy, and the root's pair was copied into each group's router as well — a third of
 * /account's document (decision 068). Each group that draws SiteChrome has boundaries of its own
 * that render only this, inside the chrome its layout already drew.
 */
export async function NotFoundContent() {
  // With its language named: a boundary is rendered before a prerendered page's [locale] layout has
  // named the page's language (see lib/i18n/request.ts).
  const t = await getTranslations({ locale: await localeOfThisRequest(), namespace: "status.notFound" });
  return <StatusContent code="404" title={t("title")} body={t("body")} action={{ href: "/", label: t("action") }} />;
}

export async function ForbiddenContent() {
  const t = await getTranslations({ locale: await localeOfThisRequest(), namespace: "status.forbidden" });
  return <StatusContent code="403" title={t("title")} body={t("body")} action={{ href: "/account", label: t("action") }} />;
}

function StatusContent({ code, title, body, action }: { code: string; title: string; body: string; action: { href: string; label: string } }) {
  return (
    <div className="status-page">
      <p className="text-sm font-semibold text-accent">{code}</p>
      <h1 className="mt-2 text-3xl font-semibold tracking-tight">{title}</h1>
      <p className="mt-3 text-muted">{body}</p>
      <Link href={action.href} className={buttonVariants({ variant: "secondary", className: "mt-8" })}>
        {action.label}
      </Link>
    </div>
  );
}
