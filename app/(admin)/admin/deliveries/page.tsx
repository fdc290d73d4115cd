import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/view/format";
import { requireUser } from "@/lib/security/sessions/guards";
import { listUndeliverable, outboxBacklog } from "@/lib/outbox/report";

export const metadata: Metadata = { title: "Deliveries" };

const SHOWN = 50;

/**
 * Mail and texts that could not be delivered (issue #18): the outbox retried each with backoff
 * until SECURITY_OUTBOX_GIVE_UP_AFTER, then gave up and deleted its links and codes. Support reads
 * this when someone says the email never came; the fix is the provider, then the person asks again.
 */
export default async function DeliveriesPage() {
  await requireUser();
  const [failed, backlog] = await Promise.all([listUndeliverable(SHOWN), outboxBacklog()]);
  return (
    <div className="mx-auto w-full max-w-6xl space-y-6 px-4 py-6 sm:px-6 md:py-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Deliveries</h1>
        <p className="mt-1 text-sm text-muted">
          Emails and text messages the provider did not accept. Each was retried with growing pauses before it was given up; its links and codes were then
          deleted, so it cannot be sent again. Once the provider works, the person asks again (a new reset link, a new code).
        </p>
      </div>
      <p className="text-sm" data-testid="outbox-backlog">
        {backlog.waiting} waiting to be sent · {backlog.failed} given up
      </p>
      <Card>
        <CardHeader title={backlog.failed > SHOWN ? `The ${SHOWN} most recent of ${backlog.failed} given up` : `${backlog.failed} given up`} />
        <CardBody>
          {failed.length === 0 ? <p className="text-sm text-muted">Every message was delivered.</p> : null}
          <ul className="divide-y divide-border" data-testid="undeliverable">
            {failed.map((m) => (
              <li key={m.id} className="space-y-1 py-3 text-sm first:pt-0 last:pb-0">
                <p className="font-medium break-all">
                  {m.to} <Badge tone="neutral">{m.kind === "email" ? "Email" : "Text"}</Badge>{" "}
                  <span className="text-muted">{m.template ?? "text message"}</span>
                </p>
                <p className="text-muted">
                  Queued {formatDateTime(m.at)} · {m.attempts} attempt{m.attempts === 1 ? "" : "s"}
                </p>
                {m.lastError ? <p className="font-mono text-xs break-all">{m.lastError}</p> : null}
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
    </div>
  );
}
