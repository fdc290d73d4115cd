import type { ReactNode } from "react";

export type BadgeTone = "neutral" | "success" | "warning" | "danger" | "accent";

const tones: Record<BadgeTone, string> = {
  neutral: "bg-subtle text-foreground ring-muted/20",
  success: "bg-success-soft text-success-soft-foreground ring-success-border",
  warning: "bg-warning-soft text-warning-soft-foreground ring-warning-border",
  danger: "bg-danger-soft text-danger-soft-foreground ring-danger-border",
  accent: "bg-primary-soft text-primary-soft-foreground ring-primary-border",
};

export function Badge({ tone = "neutral", children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return (
    <span
      className={`inline-flex items-center gap-1 whitespace-nowrap rounded-md px-2 py-0.5 text-xs font-medium ring-1 ring-inset ${tones[tone]}${className ? ` ${className}` : ""}`}
    >
      {children}
    </span>
  );
}
