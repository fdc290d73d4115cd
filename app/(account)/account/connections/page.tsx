import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { NoticeBanner } from "@/components/notice-banner";
import { OAuthButtons } from "@/components/oauth-buttons";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { listLinks } from "@/lib/security/oauth/links";
import { unlinkProviderAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.connections"))("title") };
}

export default async function ConnectionsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireUser();
  const providers = getConfig().oauth.providers;
  if (!providers.length) notFound();
  const [links, params, t, locale] = await Promise.all([listLinks(user.id), searchParams, getTranslations("account.connections"), getLocale()]);
  const dateFormat = new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone: "UTC" });
  const nameOf = (id: string): string => providers.find((p) => p.id === id)?.name ?? id;
  const linkable = providers.filter((p) => !links.some((l) => l.provider === p.id)).map(({ id, name }) => ({ id, name }));
  return (
    <>
      <NoticeBanner notice={noticeFrom(params.notice, params.provider, locale)} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      </div>
      <Card>
        <CardHeader title={links.length ? t("count", { count: links.length }) : t("none")} description={links.length ? undefined : t("noneHint")} />
        <CardBody>
          {links.length ? (
            <ul className="divide-y divide-border" data-testid="connection-list">
              {links.map((link) => (
                <li key={link.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="font-medium">{nameOf(link.provider)}</p>
                    <p className="truncate text-sm text-muted">
                      {link.email ? (
                        <>
                          <bdi>{link.email}</bdi>
                          {" · "}
                        </>
                      ) : null}
                      {t("linked", { date: dateFormat.format(link.createdAt) })}
                      {link.lastUsedAt ? ` · ${t("lastUsed", { date: dateFormat.format(link.lastUsedAt) })}` : ""}
                    </p>
                  </div>
                  <form action={unlinkProviderAction}>
                    <input type="hidden" name="provider" value={link.provider} />
                    <Button type="submit" variant="secondary" size="sm" aria-label={t("unlinkAria", { provider: nameOf(link.provider) })}>
                      {t("unlink")}
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">{t("noProvider")}</p>
          )}
        </CardBody>
      </Card>
      {linkable.length ? (
        <Card>
          <CardHeader title={t("linkTitle")} description={t("linkBody")} />
          <CardBody>
            <OAuthButtons providers={linkable} intent="link" label={(name) => t("link", { provider: name })} />
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}
