import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
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

export const metadata: Metadata = { title: "Connected accounts" };

const dateFormat = new Intl.DateTimeFormat("en", { dateStyle: "medium", timeZone: "UTC" });

export default async function ConnectionsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireUser();
  const providers = getConfig().oauth.providers;
  if (!providers.length) notFound();
  const [links, params] = await Promise.all([listLinks(user.id), searchParams]);
  const nameOf = (id: string): string => providers.find((p) => p.id === id)?.name ?? id;
  const linkable = providers.filter((p) => !links.some((l) => l.provider === p.id)).map(({ id, name }) => ({ id, name }));
  return (
    <>
      <NoticeBanner notice={noticeFrom(params.notice, params.provider, await getLocale())} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Connected accounts</h1>
        <p className="mt-1 text-sm text-muted">Sign in with an account you already have at one of these providers.</p>
      </div>
      <Card>
        <CardHeader
          title={links.length ? `${links.length} connected account${links.length === 1 ? "" : "s"}` : "No connected accounts"}
          description={links.length ? undefined : "Link one below to sign in with it."}
        />
        <CardBody>
          {links.length ? (
            <ul className="divide-y divide-border" data-testid="connection-list">
              {links.map((link) => (
                <li key={link.id} className="flex flex-wrap items-center justify-between gap-3 py-3">
                  <div className="min-w-0">
                    <p className="font-medium">{nameOf(link.provider)}</p>
                    <p className="truncate text-sm text-muted">
                      {link.email ? `${link.email} · ` : ""}linked {dateFormat.format(link.createdAt)}
                      {link.lastUsedAt ? ` · last used ${dateFormat.format(link.lastUsedAt)}` : ""}
                    </p>
                  </div>
                  <form action={unlinkProviderAction}>
                    <input type="hidden" name="provider" value={link.provider} />
                    <Button type="submit" variant="secondary" size="sm" aria-label={`Unlink ${nameOf(link.provider)}`}>
                      Unlink
                    </Button>
                  </form>
                </li>
              ))}
            </ul>
          ) : (
            <p className="text-sm text-muted">You sign in without a provider.</p>
          )}
        </CardBody>
      </Card>
      {linkable.length ? (
        <Card>
          <CardHeader title="Link an account" description="You will sign in at the provider; we email you when an account is linked." />
          <CardBody>
            <OAuthButtons providers={linkable} intent="link" label={(name) => `Link ${name}`} />
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}
