import { cva, type VariantProps } from "class-variance-authority";
import type { HTMLAttributes, ReactNode } from "react";
import { cn } from "./cn";

type DivProps = HTMLAttributes<HTMLDivElement>;

/** Server-rendered only, so a caller's className overrides through cn() (tailwind-merge). */
export const cardVariants = cva("overflow-hidden rounded-xl border bg-surface shadow-xs", {
  variants: {
    tone: {
      default: "border-border",
      // A destructive step (the console's confirmations): the line itself says "careful".
      danger: "border-danger-border ring-2 ring-danger/50",
    },
  },
  defaultVariants: { tone: "default" },
});

export function Card({ className, tone, ...rest }: DivProps & VariantProps<typeof cardVariants>) {
  return <div {...rest} className={cn(cardVariants({ tone }), className)} />;
}

export type CardHeaderProps = {
  title: ReactNode;
  description?: ReactNode;
  /** Optional element on the right, e.g. a button or badge. */
  action?: ReactNode;
  className?: string;
};

export function CardHeader({ title, description, action, className }: CardHeaderProps) {
  return (
    <div className={cn("flex flex-wrap items-start justify-between gap-3 px-5 pt-5 sm:px-6 sm:pt-6", className)}>
      <div className="min-w-0 space-y-1">
        <h2 className="text-base font-semibold text-foreground">{title}</h2>
        {description ? <p className="text-sm text-muted">{description}</p> : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}

export function CardBody({ className, ...rest }: DivProps) {
  return <div {...rest} className={cn("px-5 py-5 sm:px-6", className)} />;
}

/** @public part of the component kit pages are built from. */
export function CardFooter({ className, ...rest }: DivProps) {
  return <div {...rest} className={cn("flex flex-wrap items-center justify-end gap-3 border-t border-border bg-subtle/60 px-5 py-3 sm:px-6", className)} />;
}
