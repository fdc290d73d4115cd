import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { ActedBy } from "@/components/acted-by";
import { ActionForm } from "@/components/forms/action-form";
import { NoticeBanner } from "@/components/notice-banner";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { USERS_IMPERSONATE } from "@/lib/security/core/console-permissions";
import { listOpenRescueRequests } from "@/lib/security/accounts/rescue-requests";
import { EVENT_LABELS } from "@/lib/security/core/events";
import { requireUser } from "@/lib/security/sessions/guards";
import { describeUserAgent, formatDateTime } from "@/lib/view/format";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { ViewAsButton } from "../impersonation/view-as-button";
import { dismissRescueAction, resetFromRescueAction } from "./actions";

export const metadata: Metadata = { title: "Rescue requests" };

export default async function AdminRescuePage({ searchParams }: { searchParams: SearchParams }) {
  const { user: viewer, authorization } = await requireUser();
  const requests = await listOpenRescueRequests();
  const notice = noticeFrom((await searchParams).notice, undefined, await getLocale());
  const mayImpersonate = authorization.permissions.includes(USERS_IMPERSONATE);
  return (
    <div className="page-width space-y-6 py-6 md:py-8">
      <NoticeBanner notice={notice} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Rescue requests</h1>
        <p className="mt-1 text-sm text-muted">
          People who lost their second factor and asked for help. Resetting access ends their sessions and removes two-factor, sign-in codes, passkeys and
          recovery codes; their password stays, and their next sign-in sets the second factor up again.
        </p>
      </div>
      <Card>
        <CardHeader title={`${requests.length} open request${requests.length === 1 ? "" : "s"}`} />
        <CardBody>
          {requests.length === 0 ? <p className="text-sm text-muted">No one is waiting for help.</p> : null}
          <ul className="divide-y divide-border" data-testid="rescue-queue">
            {requests.map((request) => (
              <li key={request.id} className="grid gap-4 py-4 first:pt-0 last:pb-0 md:grid-cols-[1fr_auto]" data-testid="rescue-request">
                <div className="min-w-0 space-y-2 text-sm">
                  <p className="font-medium break-all">
                    {request.email} {request.active ? null : <Badge tone="danger">Deactivated</Badge>}
                  </p>
                  <p className="text-muted">
                    Asked {formatDateTime(request.createdAt, viewer.timeZone)}
                    {request.timesAsked > 1
                      ? ` and ${request.timesAsked - 1} more time${request.timesAsked > 2 ? "s" : ""}, last ${formatDateTime(request.lastAskedAt, viewer.timeZone)}`
                      : ""}{" "}
                    · {request.ip ?? "unknown IP"} · {describeUserAgent(request.userAgent)}
                  </p>
                  <details>
                    <summary className="cursor-pointer text-muted">Recent activity</summary>
                    <ul className="mt-2 space-y-1">
                      {request.recentActivity.map((event, index) => (
                        <li key={index}>
                          {EVENT_LABELS[event.type]}
                          <ActedBy email={event.actorEmail} />{" "}
                          <span className="text-muted">
                            · {formatDateTime(event.at, viewer.timeZone)} · {event.ip ?? "unknown IP"}
                          </span>
                        </li>
                      ))}
                    </ul>
                  </details>
                </div>
                <div className="flex flex-wrap items-start gap-2">
                  <ActionForm
                    action={resetFromRescueAction}
                    submitLabel="Reset access"
                    variant="danger"
                    label={`Reset access of ${request.email}`}
                    hidden={{ request: request.id }}
                  />
                  <ActionForm
                    action={dismissRescueAction}
                    submitLabel="Dismiss"
                    variant="ghost"
                    label={`Dismiss the request of ${request.email}`}
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
