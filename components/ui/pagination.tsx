import Link from "next/link";
import type { ReactNode } from "react";

export type PaginationProps = {
  /** What the list holds ("About 1,000,000 users"), shown beside the links. */
  summary: ReactNode;
  /** Keyset pagination: the neighbouring pages' links, null at either end. */
  previousHref: string | null;
  nextHref: string | null;
  className?: string;
};

const linkClasses = "inline-flex h-8 items-center gap-1 rounded-lg px-2.5 text-sm font-medium text-foreground ring-1 ring-inset ring-input hover:bg-subtle";
const disabledClasses = "inline-flex h-8 cursor-not-allowed items-center gap-1 rounded-lg px-2.5 text-sm font-medium text-muted ring-1 ring-inset ring-border";

export function Pagination({ summary, previousHref, nextHref, className }: PaginationProps) {
  return (
    <nav aria-label="Pagination" className={`flex items-center justify-between gap-3${className ? ` ${className}` : ""}`}>
      <p className="hidden text-sm text-muted sm:block">{summary}</p>
      <div className="flex flex-1 items-center justify-between gap-3 sm:flex-none sm:justify-end">
        {previousHref ? (
          <Link href={previousHref} rel="prev" className={linkClasses}>
            <Chevron direction="left" />
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClasses}>
            <Chevron direction="left" />
            Previous
          </span>
        )}
        {nextHref ? (
          <Link href={nextHref} rel="next" className={linkClasses}>
            Next
            <Chevron direction="right" />
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClasses}>
            Next
            <Chevron direction="right" />
          </span>
        )}
      </div>
    </nav>
  );
}

function Chevron({ direction }: { direction: "left" | "right" }) {
  return (
    <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className="size-4">
      <path
        fillRule="evenodd"
        clipRule="evenodd"
        d={
          direction === "left"
            ? "M11.78 5.22a.75.75 0 0 1 0 1.06L8.06 10l3.72 3.72a.75.75 0 1 1-1.06 1.06l-4.25-4.25a.75.75 0 0 1 0-1.06l4.25-4.25a.75.75 0 0 1 1.06 0Z"
            : "M8.22 5.22a.75.75 0 0 1 1.06 0l4.25 4.25a.75.75 0 0 1 0 1.06l-4.25 4.25a.75.75 0 0 1-1.06-1.06L11.94 10 8.22 6.28a.75.75 0 0 1 0-1.06Z"
        }
      />
    </svg>
  );
}
