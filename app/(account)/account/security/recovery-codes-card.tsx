import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";
import type { SecurityOverview } from "@/lib/view/security-overview";

/** How many codes are left, and whether they matter yet (they stand in for the second step). */
export function RecoveryCodesCard({ codes, twoStepOn }: { codes: SecurityOverview["recoveryCodes"]; twoStepOn: boolean }) {
  const status =
    codes.total > 0 ? (
      <Badge tone={codes.low ? "warning" : "success"}>{`${codes.remaining} of ${codes.total} left`}</Badge>
    ) : (
      <Badge tone="neutral">None yet</Badge>
    );
  return (
    <Card data-testid="security-recovery-codes">
      <CardHeader title="Recovery codes" action={status} />
      <CardBody className="space-y-4 text-sm">
        <p className="text-muted">
          {twoStepOn
            ? "If you lose your phone or can't get a code, a recovery code finishes signing in instead of your second step. Each works once."
            : "Recovery codes stand in for your second step if you can't get a code. They matter once two-step verification is on."}
        </p>
        <Link href={SECURITY_PAGES.recoveryCodes} className={buttonVariants({ variant: "secondary", size: "sm" })}>
          {codes.total > 0 ? "Manage recovery codes" : "Get recovery codes"}
        </Link>
      </CardBody>
    </Card>
  );
}
