import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Card, CardBody } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { listActivityPage } from "@/lib/security/core/activity-log";
import { requireUser } from "@/lib/security/sessions/guards";
import { ACTIVITY_FILTERS, activityFilterFrom, groupActivity, type ActivityFilter } from "@/lib/view/activity";
import type { SearchParams } from "@/lib/view/notices";
import { accountWords, isolate } from "@/lib/view/account-words";
import { EVENT_LABELS, type SecurityEventType } from "@/lib/security/core/events";
import { zoneOrUtc } from "@/lib/view/time";
import { ActivityLine } from "./activity-item";
import { FilterLinks } from "./filter-links";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("activity"))("title") };
}

const FILTER_KEYS = ["all", "signIns", "failed", "security"] as const;

/** A keyset cursor from the URL: an event id, or nothing (junk is the first page, never a 500). */
const cursor = (value: unknown): number | null => (typeof value === "string" && /^\d{1,15}$/.test(value) ? Number(value) : null);

function href(kind: ActivityFilter, key: "before" | "after", id: number | null): string | null {
  if (id === null) return null;
  const params = new URLSearchParams(kind === "all" ? {} : { kind });
  params.set(key, String(id));
  return `/account/activity?${params}`;
}

export default async function ActivityPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireUser();
  const params = await searchParams;
  const kind = activityFilterFrom(params.kind);
  const page = await listActivityPage(user.id, { types: ACTIVITY_FILTERS[kind].types, before: cursor(params.before), after: cursor(params.after) });
  const zone = zoneOrUtc(user.timeZone);
  const now = new Date();
  const [t, events, filters, words] = await Promise.all([
    getTranslations("activity"),
    getTranslations("activity.events"),
    getTranslations("activity.filters"),
    accountWords(),
  ]);
  const days = groupActivity(page.rows, zone, now, words.locale);
  const lineWords = {
    locale: words.locale,
    network: words.network,
    events: Object.fromEntries((Object.keys(EVENT_LABELS) as SecurityEventType[]).map((type) => [type, events(type)])),
    run: (count: number) => t("failedRun", { count }),
    how: (how: string) => t("with", { how }),
    yourPassword: t("yourPassword"),
    via: words.via,
    check: t("check"),
    actedBy: t.raw("actedBy") as string,
  };
  const previousHref = href(kind, "after", page.newerThan);
  const nextHref = href(kind, "before", page.olderThan);
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted" data-testid="activity-zone">
          {t("intro", { zone: isolate(zone, words.locale) })}
        </p>
      </div>
      <FilterLinks current={kind} label={t("filterLabel")} labels={Object.fromEntries(FILTER_KEYS.map((key) => [key, filters(key)]))} />
      <Card>
        <CardBody className="space-y-6" data-testid="activity-list">
          {days.length === 0 ? <p className="text-sm text-muted">{t("empty")}</p> : null}
          {days.map((day) => (
            <section key={day.key} aria-labelledby={`day-${day.key}`} data-testid="activity-day">
              <h2 id={`day-${day.key}`} className="text-sm font-semibold text-foreground">
                {day.label}
              </h2>
              <ol className="divide-y divide-border text-sm">
                {day.items.map((item) => (
                  <ActivityLine key={item.event.id} item={item} zone={zone} now={now} words={lineWords} />
                ))}
              </ol>
            </section>
          ))}
          {/* One page of events needs no page links (nor a caption naming the filter shown above). */}
          {previousHref || nextHref ? <Pagination summary={filters(ACTIVITY_FILTERS[kind].key)} previousHref={previousHref} nextHref={nextHref} /> : null}
        </CardBody>
      </Card>
    </>
  );
}
