"use client";
import { Tooltip } from "@/components/ui/tooltip";

/**
 * "2 minutes ago", with the exact time (in the viewer's zone) in a tooltip on hover or focus and
 * in `<time datetime>` for machines. The words are the server's (lib/view/time.ts), so the page
 * reads the same before and after hydration; the exact time is also in the element's text for
 * screen readers, who never hover.
 */
export function RelativeTime({ iso, relative, exact }: { iso: string; relative: string; exact: string }) {
  return (
    <Tooltip content={exact}>
      <time
        dateTime={iso}
        tabIndex={0}
        className="rounded-sm underline decoration-dotted underline-offset-2 focus-visible:ring-2 focus-visible:ring-ring focus-visible:outline-none"
      >
        {relative}
        <span className="sr-only"> ({exact})</span>
      </time>
    </Tooltip>
  );
}
