import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { recoveryCodeStatus } from "@/lib/security/recovery-codes/store";
import { getTwoFactor } from "@/lib/security/codes/store";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";
import { BackToSecurity } from "../back-link";
import { GenerateForm } from "./generate-form";

export const metadata: Metadata = { title: "Recovery codes" };

export default async function RecoveryCodesPage() {
  const { user } = await requireUser();
  const config = getConfig();
  if (!config.recoveryCodes.enabled) notFound();
  const [{ total, remaining }, twoFactor] = await Promise.all([recoveryCodeStatus(user.id), getTwoFactor(user.id)]);
  const low = total > 0 && remaining <= config.recoveryCodes.lowWarning;
  return (
    <>
      <div>
        <BackToSecurity />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Recovery codes</h1>
        <p className="mt-1 text-sm text-muted">
          If you lose your phone or can&apos;t get a code, a recovery code lets you finish signing in. Each code works once.
        </p>
      </div>
      {config.twoFactor.enabled && !twoFactor ? (
        <Alert tone="info">
          Recovery codes are asked for only when two-step verification is on. <Link href={SECURITY_PAGES.twoStep}>Set up two-step verification</Link>
        </Alert>
      ) : null}
      {low ? (
        <Alert tone="warning" testId="recovery-codes-low">
          You are running low on recovery codes. Generate a new set.
        </Alert>
      ) : null}
      <Card>
        <CardHeader title="Your recovery codes" description="Keep them apart from your phone: in a password manager, or printed and stored safely." />
        <CardBody className="space-y-5">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-muted">Status</span>
            <span data-testid="recovery-codes-status">
              {total > 0 ? (
                <Badge tone={low ? "warning" : "success"}>{`${remaining} of ${total} codes left`}</Badge>
              ) : (
                <Badge tone="neutral">No recovery codes yet</Badge>
              )}
            </span>
          </p>
          <GenerateForm hasCodes={total > 0} appName={config.appName} email={user.email} />
        </CardBody>
      </Card>
    </>
  );
}
