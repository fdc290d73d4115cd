import { Link } from "@/components/ui/link";
import { getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";
import type { SecurityOverview } from "@/lib/view/security-overview";

/** How many codes are left, and whether they matter yet (they stand in for the second step). */
export async function RecoveryCodesCard({ codes, twoStepOn }: { codes: SecurityOverview["recoveryCodes"]; twoStepOn: boolean }) {
  const t = await getTranslations("account.security");
  const status =
    codes.total > 0 ? (
      <Badge tone={codes.low ? "warning" : "success"}>{t("codesLeft", { remaining: codes.remaining, total: codes.total })}</Badge>
    ) : (
      <Badge tone="neutral">{t("noneYet")}</Badge>
    );
  return (
    <Card data-testid="security-recovery-codes">
      <CardHeader title={t("recoveryCodes")} action={status} />
      <CardBody className="space-y-4 text-sm">
        <p className="text-muted">{twoStepOn ? t("codesOn") : t("codesOff")}</p>
        <Link href={SECURITY_PAGES.recoveryCodes} className={buttonVariants({ variant: "secondary", size: "sm" })}>
          {codes.total > 0 ? t("manageRecovery") : t("getRecovery")}
        </Link>
      </CardBody>
    </Card>
  );
}
