import Link from "next/link";
import { ShieldAlert, ShieldCheck, ShieldPlus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import { CODE_METHOD_NAMES, ONE_STEP_WITHOUT_PASSWORD, PROTECTION_LEVELS, sentenceCase } from "@/lib/view/labels";
import type { ProtectionLevel } from "@/lib/view/protection-level";
import type { SecurityOverview } from "@/lib/view/security-overview";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";

const STEPS: readonly ProtectionLevel[] = ["one-step", "two-step", "passkey"];
const ICONS = { "one-step": ShieldAlert, "two-step": ShieldCheck, passkey: ShieldPlus } as const;

/** The level in words, where it sits on the way to the strongest, and the one thing to do next. */
export function ProtectionCard({ overview }: { overview: SecurityOverview }) {
  const { level, twoStep } = overview;
  const words = PROTECTION_LEVELS[level];
  const title = level === "one-step" && !overview.hasPassword ? ONE_STEP_WITHOUT_PASSWORD : words.title;
  const Icon = ICONS[level];
  const reached = STEPS.indexOf(level);
  return (
    <Card data-testid="protection-level">
      <CardBody className="space-y-4 pt-5 sm:pt-6">
        <div className="flex items-start gap-3">
          <Icon
            aria-hidden="true"
            strokeWidth={1.75}
            className={cn("mt-0.5 size-6 shrink-0", level === "one-step" ? "text-warning-text" : "text-success-text")}
          />
          <div className="min-w-0 space-y-1">
            <h2 className="text-base font-semibold">
              <span className="sr-only">Protection: </span>
              <span data-testid="protection-level-title">{title}</span>
            </h2>
            <p className="text-sm text-muted">{words.detail}</p>
          </div>
        </div>
        <ol className="grid grid-cols-3 gap-2 text-xs" aria-label="Protection levels">
          {STEPS.map((step, i) => (
            <li key={step} aria-current={step === level ? "step" : undefined} className="space-y-1.5">
              <span
                aria-hidden="true"
                className={cn("block h-1.5 rounded-full", i <= reached ? (level === "one-step" ? "bg-warning-text" : "bg-success-text") : "bg-border")}
              />
              <span className={step === level ? "font-medium text-foreground" : "text-muted"}>{PROTECTION_LEVELS[step].title}</span>
            </li>
          ))}
        </ol>
        {twoStep.offered ? (
          <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="second-step">
            {/* The spaces are text, so the line reads "Second step: Authenticator app" to tests and copy-paste alike. */}
            <span className="text-muted">Second step:</span>{" "}
            <span className="font-medium">{twoStep.method ? sentenceCase(CODE_METHOD_NAMES[twoStep.method]) : "Off"}</span>
            {overview.passkeys.secondStep ? <span className="text-muted">{` + ${plural(overview.passkeys.secondStep, "security key")}`}</span> : null}
            {twoStep.required ? <Badge tone="accent">Required for your account</Badge> : null}
            <Link href={SECURITY_PAGES.twoStep} className={cn(buttonVariants({ variant: twoStep.method ? "secondary" : "primary", size: "sm" }), "ml-auto")}>
              {twoStep.method ? "Change two-step verification" : "Turn on two-step verification"}
            </Link>
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}

export function plural(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
