import { ActedBy } from "@/components/acted-by";
import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { EVENT_LABELS } from "@/lib/security/core/events";
import { itemTitle, signInMethodPhrase, type ActivityItem } from "@/lib/view/activity";
import { describeUserAgent } from "@/lib/view/format";
import { describeIp } from "@/lib/view/network";
import { formatDateTimeIn, formatTimeIn, relativeTime } from "@/lib/view/time";
import { EventIcon } from "./event-icon";

const WARNING_EVENTS = new Set<string>(["user_failed_authn", "account_locked", "user_not_registered"]);

/** One line of the log: icon, what happened and how, when (relative, exact on hover), from where. */
export function ActivityLine({ item, zone, now }: { item: ActivityItem; zone: string; now: Date }) {
  const { event } = item;
  const warning = WARNING_EVENTS.has(event.type);
  const how = event.type === "user_authenticated" ? signInMethodPhrase(event.data) : "";
  const time = formatTimeIn(event.at, zone);
  return (
    <li className="flex gap-3 py-3" data-testid="activity-item">
      <EventIcon type={event.type} warning={warning} />
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          {itemTitle(item, EVENT_LABELS)}
          {how ? <span className="font-normal text-muted"> with {how}</span> : null}
          <ActedBy email={event.actorEmail} /> {warning ? <Badge tone="warning">Check</Badge> : null}
        </p>
        <p className="text-muted">
          {item.count > 1 ? `${formatTimeIn(item.since, zone)} – ${time}` : time} ·{" "}
          <RelativeTime iso={event.at.toISOString()} relative={relativeTime(event.at, now)} exact={formatDateTimeIn(event.at, zone)} /> ·{" "}
          {describeUserAgent(event.userAgent)} · {describeIp(event.ip)}
        </p>
      </div>
    </li>
  );
}
