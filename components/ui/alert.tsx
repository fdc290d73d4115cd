import { cva } from "class-variance-authority";
import { CircleAlert, CircleCheck, CircleX, Info, type LucideIcon } from "lucide-react";
import type { ReactNode } from "react";

export type AlertTone = "error" | "success" | "info" | "warning";

export type AlertProps = {
  tone: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  testId?: string;
  /** Joined, not merged: the alert ships with every form (decision 059). Use it for spacing. */
  className?: string;
};

const alertVariants = cva("flex gap-3 rounded-lg border p-3.5 text-sm", {
  variants: {
    tone: {
      error: "border-danger-border bg-danger-soft text-danger-soft-foreground",
      success: "border-success-border bg-success-soft text-success-soft-foreground",
      info: "border-primary-border bg-primary-soft text-primary-soft-foreground",
      warning: "border-warning-border bg-warning-soft text-warning-soft-foreground",
    },
  },
});

const iconVariants = cva("mt-px size-5 shrink-0", {
  variants: { tone: { error: "text-danger-text", success: "text-success-text", info: "text-accent", warning: "text-warning-text" } },
});

const icons: Record<AlertTone, LucideIcon> = { error: CircleX, success: CircleCheck, info: Info, warning: CircleAlert };

export function Alert({ tone, title, children, testId, className }: AlertProps) {
  const Icon = icons[tone];
  return (
    <div role={tone === "error" ? "alert" : "status"} data-testid={testId ?? "alert"} className={alertVariants({ tone, className })}>
      <Icon aria-hidden="true" className={iconVariants({ tone })} />
      <div className="min-w-0 flex-1 space-y-1 leading-5">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="[&_a]:font-medium [&_a]:underline [&_a]:underline-offset-2">{children}</div> : null}
      </div>
    </div>
  );
}
