import { cva, type VariantProps } from "class-variance-authority";
import type { ReactNode } from "react";

export const badgeVariants = cva("inline-flex items-center gap-1 whitespace-nowrap rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset", {
  variants: {
    tone: {
      neutral: "bg-subtle text-foreground ring-border",
      success: "bg-success-soft text-success-soft-foreground ring-success-border",
      warning: "bg-warning-soft text-warning-soft-foreground ring-warning-border",
      danger: "bg-danger-soft text-danger-soft-foreground ring-danger-border",
      accent: "bg-primary-soft text-primary-soft-foreground ring-primary-border",
    },
  },
  defaultVariants: { tone: "neutral" },
});

export type BadgeTone = NonNullable<VariantProps<typeof badgeVariants>["tone"]>;

/** Joined, not merged: some badges render in the browser (decision 059). Pick a `tone` to recolor. */
export function Badge({ tone, children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={badgeVariants({ tone, className })}>{children}</span>;
}
