import { Link } from "@/components/ui/link";
import { ACTIVITY_FILTERS, type ActivityFilter } from "@/lib/view/activity";

/**
 * The filter as a row of links (decision 066): each is a plain URL, so it works before or without
 * JavaScript, can be bookmarked, and adds no bytes; a Select would need a script or a submit button.
 */
export function FilterLinks({ current, label, labels }: { current: ActivityFilter; label: string; labels: Readonly<Record<string, string>> }) {
  return (
    <nav aria-label={label} className="flex flex-wrap gap-1 rounded-lg bg-subtle p-1 text-sm" data-testid="activity-filter">
      {(Object.keys(ACTIVITY_FILTERS) as ActivityFilter[]).map((kind) => (
        <Link
          key={kind}
          href={kind === "all" ? "/account/activity" : `/account/activity?kind=${kind}`}
          aria-current={kind === current ? "page" : undefined}
          className={`rounded-md px-3 py-1.5 font-medium ${kind === current ? "bg-surface text-foreground shadow-sm" : "text-muted hover:text-foreground"}`}
        >
          {labels[ACTIVITY_FILTERS[kind].key] ?? ACTIVITY_FILTERS[kind].label}
        </Link>
      ))}
    </nav>
  );
}
