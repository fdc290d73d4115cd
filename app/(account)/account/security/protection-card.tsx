import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { ShieldAlert, ShieldCheck, ShieldPlus } from "lucide-react";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody } from "@/components/ui/card";
import { cn } from "@/components/ui/cn";
import type { ProtectionLevel } from "@/lib/view/protection-level";
import type { SecurityOverview } from "@/lib/view/security-overview";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";

const STEPS: readonly ProtectionLevel[] = ["one-step", "two-step", "passkey"];
const ICONS = { "one-step": ShieldAlert, "two-step": ShieldCheck, passkey: ShieldPlus } as const;

/** The level in words, where it sits on the way to the strongest, and the one thing to do next. */
export async function ProtectionCard({ overview }: { overview: SecurityOverview }) {
  const { level, twoStep } = overview;
  const [t, choices] = await Promise.all([getTranslations("account.security"), getTranslations("twoFactor.choices")]);
  const title = level === "one-step" && !overview.hasPassword ? t("levels.no-password.title") : t(`levels.${level}.title`);
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
              <span className="sr-only">{`${t("protection")} `}</span>
              <span data-testid="protection-level-title">{title}</span>
            </h2>
            <p className="text-sm text-muted">{t(`levels.${level}.detail`)}</p>
          </div>
        </div>
        <ol className="grid grid-cols-3 gap-2 text-xs" aria-label={t("levelsLabel")}>
          {STEPS.map((step, i) => (
            <li key={step} aria-current={step === level ? "step" : undefined} className="space-y-1.5">
              <span
                aria-hidden="true"
                className={cn("block h-1.5 rounded-full", i <= reached ? (level === "one-step" ? "bg-warning-text" : "bg-success-text") : "bg-border")}
              />
              <span className={step === level ? "font-medium text-foreground" : "text-muted"}>{t(`levels.${step}.title`)}</span>
            </li>
          ))}
        </ol>
        {twoStep.offered ? (
          <p className="flex flex-wrap items-center gap-2 text-sm" data-testid="second-step">
            {/* The spaces are text, so the line reads "Second step: Authenticator app" to tests and copy-paste alike. */}
            <span className="text-muted">{t("secondStep")}</span>{" "}
            <span className="font-medium">{twoStep.method ? choices(`${twoStep.method}.label`) : t("off")}</span>
            {overview.passkeys.secondStep ? <span className="text-muted">{` + ${t("securityKeys", { count: overview.passkeys.secondStep })}`}</span> : null}
            {twoStep.required ? <Badge tone="accent">{t("required")}</Badge> : null}
            <Link href={SECURITY_PAGES.twoStep} className={cn(buttonVariants({ variant: twoStep.method ? "secondary" : "primary", size: "sm" }), "ms-auto")}>
              {twoStep.method ? t("changeTwoStep") : t("turnOnTwoStep")}
            </Link>
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}
