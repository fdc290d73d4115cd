import { ActedBy } from "@/components/acted-by";
import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { EVENT_LABELS, type SecurityEventType } from "@/lib/security/core/events";
import { itemTitle, signInMethodPhrase, type ActivityItem } from "@/lib/view/activity";
import { describeUserAgent } from "@/lib/view/format";
import { describeIp, type NetworkWords } from "@/lib/view/network";
import { formatDateTimeIn, formatTimeIn, relativeTime } from "@/lib/view/time";
import { EventIcon } from "./event-icon";

const WARNING_EVENTS = new Set<string>(["user_failed_authn", "account_locked", "user_not_registered"]);

/** The page's words for a line, in its language (the page reads them once from the catalogue). */
export interface ActivityLineWords {
  locale: string;
  network: NetworkWords;
  events: Readonly<Record<string, string>>;
  run: (count: number) => string;
  how: (how: string) => string;
  yourPassword: string;
  via: Readonly<Record<string, string>>;
  check: string;
  /** Has `{email}`. */
  actedBy: string;
}

/** One line of the log: icon, what happened and how, when (relative, exact on hover), from where. */
export function ActivityLine({ item, zone, now, words }: { item: ActivityItem; zone: string; now: Date; words: ActivityLineWords }) {
  const { event } = item;
  const { locale } = words;
  const warning = WARNING_EVENTS.has(event.type);
  const how =
    event.type === "user_authenticated" ? signInMethodPhrase(event.data, { via: words.via, yourPassword: words.yourPassword, english: locale === "en" }) : "";
  const time = formatTimeIn(event.at, zone, locale);
  const labels = { ...EVENT_LABELS, ...words.events } as Record<SecurityEventType, string>;
  return (
    <li className="flex gap-3 py-3" data-testid="activity-item">
      <EventIcon type={event.type} warning={warning} />
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          {itemTitle(item, labels, words.run)}
          {how ? <span className="font-normal text-muted"> {words.how(how)}</span> : null}
          <ActedBy email={event.actorEmail} words={words.actedBy} /> {warning ? <Badge tone="warning">{words.check}</Badge> : null}
        </p>
        <p className="text-muted">
          {item.count > 1 ? `${formatTimeIn(item.since, zone, locale)} – ${time}` : time} ·{" "}
          <RelativeTime iso={event.at.toISOString()} relative={relativeTime(event.at, now, locale)} exact={formatDateTimeIn(event.at, zone, locale)} /> ·{" "}
          <bdi>{describeUserAgent(event.userAgent)}</bdi> · <bdi>{describeIp(event.ip, words.network)}</bdi>
        </p>
      </div>
    </li>
  );
}
