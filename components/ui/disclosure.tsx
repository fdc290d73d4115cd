import { ChevronDown } from "lucide-react";
import type { ReactNode, Ref } from "react";

/**
 * "Other ways…": a native <details>, so it opens with Enter or Space, tells screen readers
 * whether it is expanded, and works before (or without) JavaScript. No hooks: a server page
 * renders it as HTML, and a client form may hold it (with a ref, to close it).
 */
export function Disclosure({ summary, children, ref, testId }: { summary: ReactNode; children: ReactNode; ref?: Ref<HTMLDetailsElement>; testId?: string }) {
  return (
    <details ref={ref} data-testid={testId} className="group rounded-lg border border-border">
      <summary className="flex cursor-pointer list-none items-center justify-center gap-1.5 rounded-lg px-3 py-2 text-sm font-medium text-accent hover:bg-subtle [&::-webkit-details-marker]:hidden">
        {summary}
        <ChevronDown aria-hidden="true" className="size-4 transition-transform group-open:rotate-180" />
      </summary>
      <div className="space-y-4 border-t border-border px-4 py-4">{children}</div>
    </details>
  );
}
