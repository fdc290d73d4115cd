import Link from "next/link";

export type PaginationProps = {
  /** 1-based current page. */
  page: number;
  pageSize: number;
  total: number;
  hrefFor: (page: number) => string;
  className?: string;
};

const linkClasses =
  "inline-flex h-8 items-center gap-1 rounded-lg px-2.5 text-sm font-medium text-zinc-700 ring-1 ring-inset ring-zinc-300 hover:bg-zinc-50 dark:text-zinc-200 dark:ring-zinc-700 dark:hover:bg-zinc-800";
const disabledClasses =
  "inline-flex h-8 cursor-not-allowed items-center gap-1 rounded-lg px-2.5 text-sm font-medium text-zinc-500 ring-1 ring-inset ring-zinc-200 dark:text-zinc-400 dark:ring-zinc-800";

export function Pagination({ page, pageSize, total, hrefFor, className }: PaginationProps) {
  const pages = Math.max(1, Math.ceil(total / Math.max(1, pageSize)));
  const current = Math.min(Math.max(1, Math.trunc(page) || 1), pages);
  const first = total === 0 ? 0 : (current - 1) * pageSize + 1;
  const last = Math.min(total, current * pageSize);

  return (
    <nav aria-label="Pagination" className={`flex items-center justify-between gap-3${className ? ` ${className}` : ""}`}>
      <p className="hidden text-sm text-zinc-600 sm:block dark:text-zinc-400">
        {total === 0 ? (
          "No results"
        ) : (
          <>
            Showing <span className="font-medium text-zinc-900 dark:text-zinc-100">{first}</span>–
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{last}</span> of{" "}
            <span className="font-medium text-zinc-900 dark:text-zinc-100">{total}</span>
          </>
        )}
      </p>
      <div className="flex flex-1 items-center justify-between gap-3 sm:flex-none sm:justify-end">
        {current > 1 ? (
          <Link href={hrefFor(current - 1)} rel="prev" className={linkClasses}>
            <Chevron direction="left" />
            Previous
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClasses}>
            <Chevron direction="left" />
            Previous
          </span>
        )}
        <span className="text-sm text-zinc-700 tabular-nums dark:text-zinc-300">
          Page {current} of {pages}
        </span>
        {current < pages ? (
          <Link href={hrefFor(current + 1)} rel="next" className={linkClasses}>
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
