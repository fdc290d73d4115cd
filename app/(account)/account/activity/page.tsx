import type { Metadata } from "next";
import { Card, CardBody } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { listActivityPage } from "@/lib/security/core/activity-log";
import { requireUser } from "@/lib/security/sessions/guards";
import { ACTIVITY_FILTERS, activityFilterFrom, groupActivity, type ActivityFilter } from "@/lib/view/activity";
import type { SearchParams } from "@/lib/view/notices";
import { zoneOrUtc } from "@/lib/view/time";
import { ActivityLine } from "./activity-item";
import { FilterLinks } from "./filter-links";

export const metadata: Metadata = { title: "Activity" };

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
  const days = groupActivity(page.rows, zone, now);
  const previousHref = href(kind, "after", page.newerThan);
  const nextHref = href(kind, "before", page.olderThan);
  return (
    <>
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Activity</h1>
        <p className="mt-1 text-sm text-muted" data-testid="activity-zone">
          Security events on your account, newest first. Times are in {zone === "UTC" ? "UTC" : zone}.
        </p>
      </div>
      <FilterLinks current={kind} />
      <Card>
        <CardBody className="space-y-6" data-testid="activity-list">
          {days.length === 0 ? <p className="text-sm text-muted">Nothing to show here yet.</p> : null}
          {days.map((day) => (
            <section key={day.key} aria-labelledby={`day-${day.key}`} data-testid="activity-day">
              <h2 id={`day-${day.key}`} className="text-sm font-semibold text-foreground">
                {day.label}
              </h2>
              <ol className="divide-y divide-border text-sm">
                {day.items.map((item) => (
                  <ActivityLine key={item.event.id} item={item} zone={zone} now={now} />
                ))}
              </ol>
            </section>
          ))}
          {/* One page of events needs no page links (nor a caption naming the filter shown above). */}
          {previousHref || nextHref ? <Pagination summary={ACTIVITY_FILTERS[kind].label} previousHref={previousHref} nextHref={nextHref} /> : null}
        </CardBody>
      </Card>
    </>
  );
}
