import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { formatDateTime } from "@/lib/view/format";
import { maskPhone } from "@/lib/security/accounts/phone";
import type { TwoFactorRow } from "@/lib/security/codes/store";
import { CODE_METHOD_NAMES, sentenceCase } from "@/lib/view/labels";
import { DescriptionItem } from "@/components/ui/description-item";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";

interface StatusCardProps {
  row: TwoFactorRow | null;
  required: boolean;
  recoveryCodesEnabled: boolean;
}

/** On/off, the current method and since when; whether the account may turn it off. */
export function StatusCard({ row, required, recoveryCodesEnabled }: StatusCardProps) {
  const method = row?.method ?? null;
  return (
    <Card data-testid="two-factor-status">
      <CardHeader title="Two-step verification" action={method ? <Badge tone="success">On</Badge> : <Badge tone="neutral">Off</Badge>} />
      <CardBody className="space-y-4 text-sm">
        {row && method ? (
          <dl className="grid gap-4 sm:grid-cols-3">
            <DescriptionItem label="Method">{sentenceCase(CODE_METHOD_NAMES[method])}</DescriptionItem>
            {method === "sms" && row.phone ? <DescriptionItem label="Phone">{maskPhone(row.phone)}</DescriptionItem> : null}
            <DescriptionItem label="Since">{formatDateTime(row.updatedAt)}</DescriptionItem>
          </dl>
        ) : (
          <p className="text-muted">Two-step verification is off. Your account is protected by your password only.</p>
        )}
        {required ? (
          <p className="flex flex-wrap items-center gap-2" data-testid="two-factor-required">
            <Badge tone="accent">Required</Badge>
            <span>Required for your account</span>
          </p>
        ) : null}
        {method && recoveryCodesEnabled ? (
          <p className="text-muted">
            Lost your phone?{" "}
            <Link href={SECURITY_PAGES.recoveryCodes} className="link">
              Recovery codes
            </Link>{" "}
            let you sign in without it.
          </p>
        ) : null}
      </CardBody>
    </Card>
  );
}
