import type { HTMLAttributes, ReactNode } from "react";

type DivProps = HTMLAttributes<HTMLDivElement>;

function join(...parts: Array<string | undefined | false>): string {
  return parts.filter(Boolean).join(" ");
}

export function Card({ className, ...rest }: DivProps) {
  return <div {...rest} className={join("overflow-hidden rounded-xl border border-border bg-surface shadow-xs", className)} />;
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
    <div className={join("flex flex-wrap items-start justify-between gap-3 px-5 pt-5 sm:px-6 sm:pt-6", className)}>
      <div className="min-w-0 space-y-1">
        <h2 className="text-base font-semibold text-foreground">{title}</h2>
        {description ? <p className="text-sm text-muted">{description}</p> : null}
      </div>
      {action ? <div className="shrink-0">{action}</div> : null}
    </div>
  );
}

export function CardBody({ className, ...rest }: DivProps) {
  return <div {...rest} className={join("px-5 py-5 sm:px-6", className)} />;
}

/** @public part of the component kit pages are built from. */
export function CardFooter({ className, ...rest }: DivProps) {
  return <div {...rest} className={join("flex flex-wrap items-center justify-end gap-3 border-t border-border bg-subtle/60 px-5 py-3 sm:px-6", className)} />;
}
