import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/view/format";
import { requireUser } from "@/lib/security/sessions/guards";
import { listUndeliverable, outboxBacklog } from "@/lib/outbox/report";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.deliveries");
  return { title: t("title") };
}

const SHOWN = 50;

/**
 * Mail and texts that could not be delivered (issue #18): the outbox retried each with backoff
 * until SECURITY_OUTBOX_GIVE_UP_AFTER, then gave up and deleted its links and codes. Support reads
 * this when someone says the email never came; the fix is the provider, then the person asks again.
 */
export default async function DeliveriesPage() {
  await requireUser();
  const [failed, backlog, t, locale] = await Promise.all([listUndeliverable(SHOWN), outboxBacklog(), getTranslations("admin.deliveries"), getLocale()]);
  return (
    <div className="mx-auto w-full max-w-6xl space-y-6 px-4 py-6 sm:px-6 md:py-8">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      </div>
      <p className="text-sm" data-testid="outbox-backlog">
        {t("backlog", { waiting: backlog.waiting, failed: backlog.failed })}
      </p>
      <Card>
        <CardHeader title={backlog.failed > SHOWN ? t("mostRecent", { shown: SHOWN, failed: backlog.failed }) : t("givenUp", { failed: backlog.failed })} />
        <CardBody>
          {failed.length === 0 ? <p className="text-sm text-muted">{t("empty")}</p> : null}
          <ul className="divide-y divide-border" data-testid="undeliverable">
            {failed.map((m) => (
              <li key={m.id} className="space-y-1 py-3 text-sm first:pt-0 last:pb-0">
                <p className="font-medium break-all">
                  <bdi dir="ltr">{m.to}</bdi> <Badge tone="neutral">{m.kind === "email" ? t("email") : t("text")}</Badge>{" "}
                  <span className="text-muted">{m.template ?? t("textMessage")}</span>
                </p>
                <p className="text-muted">{t("queued", { at: formatDateTime(m.at, null, locale), attempts: m.attempts })}</p>
                {m.lastError ? <p className="font-mono text-xs break-all">{m.lastError}</p> : null}
              </li>
            ))}
          </ul>
        </CardBody>
      </Card>
    </div>
  );
}
