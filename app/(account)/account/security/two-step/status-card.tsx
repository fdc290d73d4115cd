import { Link } from "@/components/ui/link";
import { getLocale, getTranslations } from "next-intl/server";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/view/format";
import { maskPhone } from "@/lib/security/accounts/phone";
import type { TwoFactorRow } from "@/lib/security/codes/store";
import { DescriptionItem } from "@/components/ui/description-item";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";

interface StatusCardProps {
  row: TwoFactorRow | null;
  required: boolean;
  recoveryCodesEnabled: boolean;
}

/** On/off, the current method and since when; whether the account may turn it off. */
export async function StatusCard({ row, required, recoveryCodesEnabled }: StatusCardProps) {
  const method = row?.method ?? null;
  const [t, choices, locale] = await Promise.all([getTranslations("account.twoStep"), getTranslations("twoFactor.choices"), getLocale()]);
  return (
    <Card data-testid="two-factor-status">
      <CardHeader title={t("title")} action={method ? <Badge tone="success">{t("on")}</Badge> : <Badge tone="neutral">{t("off")}</Badge>} />
      <CardBody className="space-y-4 text-sm">
        {row && method ? (
          <dl className="grid gap-4 sm:grid-cols-3">
            <DescriptionItem label={t("method")}>{choices(`${method}.label`)}</DescriptionItem>
            {method === "sms" && row.phone ? (
              <DescriptionItem label={t("phone")}>
                <bdi dir="ltr">{maskPhone(row.phone)}</bdi>
              </DescriptionItem>
            ) : null}
            <DescriptionItem label={t("since")}>{formatDateTime(row.updatedAt, undefined, locale)}</DescriptionItem>
          </dl>
        ) : (
          <p className="text-muted">{t("offBody")}</p>
        )}
        {required ? (
          <p className="flex flex-wrap items-center gap-2" data-testid="two-factor-required">
            <Badge tone="accent">{t("required")}</Badge>
            <span>{t("requiredBody")}</span>
          </p>
        ) : null}
        {method && recoveryCodesEnabled ? (
          <p className="text-muted">
            {t.rich("lostPhone", {
              link: (chunks) => (
                <Link href={SECURITY_PAGES.recoveryCodes} className="link">
                  {chunks}
                </Link>
              ),
            })}
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}
