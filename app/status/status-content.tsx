import { getTranslations } from "next-intl/server";
import { localeOfThisRequest } from "@/lib/i18n/request-locale";
import { StatusView, type StatusWords } from "@/app/status/status-view";

/**
 * What a 404 and a 403 say, without a document around them. Next puts a segment's not-found and
 * forbidden boundaries into the RSC payload of every page under it, whether or not the page fails:
 * a boundary that draws the whole site chrome (header, theme switch, document) cost ~4.9 kB per
 * copy, and the root's pair was copied into each group's router as well — a third of /account's
 * document (decision 068). Each group that draws SiteChrome has boundaries of its own that render
 * only this, inside the chrome its layout already drew, and the box is a client component, so each
 * copy is its words, not its markup (decision 075).
 */
export async function NotFoundContent() {
  return <StatusView {...await notFoundWords()} />;
}

export async function ForbiddenContent() {
  return <StatusView {...await forbiddenWords()} />;
}

export async function UnauthorizedContent() {
  return <StatusView {...await unauthorizedWords()} />;
}

// With the language named: a boundary is rendered before a prerendered page's [locale] layout has
// named the page's language (see lib/i18n/request.ts).
export async function notFoundWords(): Promise<StatusWords> {
  const t = await getTranslations({ locale: await localeOfThisRequest(), namespace: "status.notFound" });
  return { code: "404", title: t("title"), body: t("body"), action: { href: "/", label: t("action") } };
}

export async function forbiddenWords(): Promise<StatusWords> {
  const t = await getTranslations({ locale: await localeOfThisRequest(), namespace: "status.forbidden" });
  return { code: "403", title: t("title"), body: t("body"), action: { href: "/account", label: t("action") } };
}

async function unauthorizedWords(): Promise<StatusWords> {
  const t = await getTranslations({ locale: await localeOfThisRequest(), namespace: "site.unauthorized" });
  return { code: "401", title: t("title"), action: { href: "/login", label: t("action") } };
}
