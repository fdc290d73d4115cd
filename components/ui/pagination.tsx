import { ChevronLeft, ChevronRight } from "lucide-react";
import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { cn } from "./cn";

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

export async function Pagination({ summary, previousHref, nextHref, className }: PaginationProps) {
  const t = await getTranslations("ui.pagination");
  return (
    <nav aria-label={t("label")} className={cn("flex items-center justify-between gap-3", className)}>
      <p className="hidden text-sm text-muted sm:block">{summary}</p>
      <div className="flex flex-1 items-center justify-between gap-3 sm:flex-none sm:justify-end">
        {previousHref ? (
          <Link href={previousHref} rel="prev" className={linkClasses}>
            <ChevronLeft aria-hidden="true" className="size-4 rtl:rotate-180" />
            {t("previous")}
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClasses}>
            <ChevronLeft aria-hidden="true" className="size-4 rtl:rotate-180" />
            {t("previous")}
          </span>
        )}
        {nextHref ? (
          <Link href={nextHref} rel="next" className={linkClasses}>
            {t("next")}
            <ChevronRight aria-hidden="true" className="size-4 rtl:rotate-180" />
          </Link>
        ) : (
          <span aria-disabled="true" className={disabledClasses}>
            {t("next")}
            <ChevronRight aria-hidden="true" className="size-4 rtl:rotate-180" />
          </span>
        )}
      </div>
    </nav>
  );
}
