import type { Metadata } from "next";
import { ActedBy } from "@/components/acted-by";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { describeUserAgent, formatDateTime } from "@/lib/view/format";
import { describeAuthnVia } from "@/lib/view/labels";
import { requireUser } from "@/lib/security/sessions/guards";
import { EVENT_LABELS, listUserEvents } from "@/lib/security/core/events";

export const metadata: Metadata = { title: "Activity" };

/** How a sign-in was proven ("password + authenticator app"), from the event's authn_via. */
function how(data: Record<string, unknown>): string {
  return Array.isArray(data.authnVia) ? describeAuthnVia(data.authnVia.filter((m): m is string => typeof m === "string")) : "";
}

const WARNING_EVENTS = new Set<string>(["user_failed_authn", "account_locked", "user_not_registered"]);

export default async function ActivityPage() {
  const { user } = await requireUser();
  const events = await listUserEvents(user.id);
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
        <p className="mt-1 text-sm text-muted">The last 50 security events on your account.</p>
      </div>
      <Card>
        <CardHeader title="Recent activity" />
        <CardBody>
          <ol className="divide-y divide-border text-sm" data-testid="activity-list">
            {events.map((event, i) => (
              <li key={i} className="flex flex-wrap items-baseline justify-between gap-2 py-3">
                <span className="font-medium">
                  {EVENT_LABELS[event.type] ?? event.type}
                  {how(event.data) ? <span className="font-normal text-muted"> with {how(event.data)}</span> : null}
                  <ActedBy email={event.actorEmail} /> {WARNING_EVENTS.has(event.type) ? <Badge tone="warning">Check</Badge> : null}
                </span>
                <span className="text-muted">
                  {formatDateTime(event.at)} · {event.ip ?? "—"} · {describeUserAgent(event.userAgent)}
                </span>
              </li>
            ))}
          </ol>
        </CardBody>
      </Card>
    </>
  );
}
