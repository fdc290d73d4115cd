import type { ReactNode } from "react";

export type AlertTone = "error" | "success" | "info" | "warning";

export type AlertProps = {
  tone: AlertTone;
  title?: ReactNode;
  children?: ReactNode;
  testId?: string;
  className?: string;
};

const tones: Record<AlertTone, { box: string; icon: string; path: string }> = {
  error: {
    box: "border-danger-border bg-danger-soft text-danger-soft-foreground",
    icon: "text-danger-text",
    path: "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16ZM8.28 7.22a.75.75 0 0 0-1.06 1.06L8.94 10l-1.72 1.72a.75.75 0 1 0 1.06 1.06L10 11.06l1.72 1.72a.75.75 0 1 0 1.06-1.06L11.06 10l1.72-1.72a.75.75 0 0 0-1.06-1.06L10 8.94 8.28 7.22Z",
  },
  success: {
    box: "border-success-border bg-success-soft text-success-soft-foreground",
    icon: "text-success-text",
    path: "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.857-9.809a.75.75 0 0 0-1.214-.882l-3.483 4.79-1.88-1.88a.75.75 0 1 0-1.06 1.061l2.5 2.5a.75.75 0 0 0 1.137-.089l4-5.5Z",
  },
  info: {
    box: "border-primary-border bg-primary-soft text-primary-soft-foreground",
    icon: "text-accent",
    path: "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.253a.25.25 0 0 1 .244.304l-.459 2.066A1.75 1.75 0 0 0 10.747 15H11a.75.75 0 0 0 0-1.5h-.253a.25.25 0 0 1-.244-.304l.459-2.066A1.75 1.75 0 0 0 9.253 9H9Z",
  },
  warning: {
    box: "border-warning-border bg-warning-soft text-warning-soft-foreground",
    icon: "text-warning-text",
    path: "M8.485 2.495c.673-1.167 2.357-1.167 3.03 0l6.28 10.875c.673 1.167-.17 2.625-1.516 2.625H3.72c-1.347 0-2.189-1.458-1.515-2.625L8.485 2.495ZM10 5a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 5Zm0 9a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
  },
};

export function Alert({ tone, title, children, testId, className }: AlertProps) {
  const t = tones[tone];
  return (
    <div
      role={tone === "error" ? "alert" : "status"}
      data-testid={testId ?? "alert"}
      className={`flex gap-3 rounded-lg border p-3.5 text-sm ${t.box}${className ? ` ${className}` : ""}`}
    >
      <svg viewBox="0 0 20 20" fill="currentColor" aria-hidden="true" className={`mt-px size-5 shrink-0 ${t.icon}`}>
        <path fillRule="evenodd" clipRule="evenodd" d={t.path} />
      </svg>
      <div className="min-w-0 flex-1 space-y-1 leading-5">
        {title ? <p className="font-semibold">{title}</p> : null}
        {children ? <div className="[&_a]:font-medium [&_a]:underline [&_a]:underline-offset-2">{children}</div> : null}
      </div>
    </div>
  );
}
