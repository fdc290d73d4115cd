import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ActedBy } from "@/components/acted-by";
import { ActionForm } from "@/components/forms/action-form";
import { NoticeBanner } from "@/components/notice-banner";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { USERS_IMPERSONATE } from "@/lib/security/core/console-permissions";
import { listOpenRescueRequests } from "@/lib/security/accounts/rescue-requests";
import type { SecurityEventType } from "@/lib/security/core/events";
import { requireUser } from "@/lib/security/sessions/guards";
import { describeUserAgent, formatDateTime } from "@/lib/view/format";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { ViewAsButton } from "../impersonation/view-as-button";
import { dismissRescueAction, resetFromRescueAction } from "./actions";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.rescue");
  return { title: t("title") };
}

export default async function AdminRescuePage({ searchParams }: { searchParams: SearchParams }) {
  const { user: viewer, authorization } = await requireUser();
  const requests = await listOpenRescueRequests();
  const locale = await getLocale();
  const notice = noticeFrom((await searchParams).notice, undefined, locale);
  const [t, events, activity] = await Promise.all([getTranslations("admin.rescue"), getTranslations("activity.events"), getTranslations("activity")]);
  const at = (d: Date): string => formatDateTime(d, viewer.timeZone, locale);
  const mayImpersonate = authorization.permissions.includes(USERS_IMPERSONATE);
  return (
    <div className="page-width space-y-6 py-6 md:py-8">
      <NoticeBanner notice={notice} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      </div>
      <Card>
        <CardHeader title={t("count", { count: requests.length })} />
        <CardBody>
          {requests.length === 0 ? <p className="text-sm text-muted">{t("empty")}</p> : null}
          <ul className="divide-y divide-border" data-testid="rescue-queue">
            {requests.map((request) => (
              <li key={request.id} className="grid gap-4 py-4 first:pt-0 last:pb-0 md:grid-cols-[1fr_auto]" data-testid="rescue-request">
                <div className="min-w-0 space-y-2 text-sm">
                  <p className="font-medium break-all">
                    <bdi>{request.email}</bdi> {request.active ? null : <Badge tone="danger">{t("deactivated")}</Badge>}
                  </p>
                  <p className="text-muted">
                    {request.timesAsked > 1
                      ? t("askedAgain", { at: at(request.createdAt), count: request.timesAsked - 1, last: at(request.lastAskedAt) })
                      : t("asked", { at: at(request.createdAt) })}{" "}
                    · {request.ip ?? t("unknownIp")} · {describeUserAgent(request.userAgent)}
                  </p>
                  <details>
                    <summary className="cursor-pointer text-muted">{t("activity")}</summary>
                    <ul className="mt-2 space-y-1">
                      {request.recentActivity.map((event, index) => (
                        <li key={index}>
                          {events(event.type as SecurityEventType)}
                          <ActedBy email={event.actorEmail} words={activity.raw("actedBy") as string} />{" "}
                          <span className="text-muted">
                            · {at(event.at)} · {event.ip ?? t("unknownIp")}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </details>
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  <ActionForm
                    action={resetFromRescueAction}
                    submitLabel={t("reset")}
                    variant="danger"
                    label={t("resetLabel", { email: request.email })}
                    hidden={{ request: request.id }}
                  />
                  <ActionForm
                    action={dismissRescueAction}
                    submitLabel={t("dismiss")}
                    variant="ghost"
                    label={t("dismissLabel", { email: request.email })}
                    hidden={{ request: request.id }}
                  />
                  {mayImpersonate && request.active ? <ViewAsButton userId={request.userId} email={request.email} /> : null}
                </div>
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
    </div>
  );
}
