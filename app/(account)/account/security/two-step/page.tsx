import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import Link from "next/link";
import { notFound } from "next/navigation";
import { NoticeBanner } from "@/components/notice-banner";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getConfig } from "@/lib/security/config";
import { SECURITY_PAGES } from "@/lib/security/core/account-pages";
import { requireUser } from "@/lib/security/sessions/guards";
import { countPasskeys } from "@/lib/security/passkeys/credentials";
import { getTwoFactor } from "@/lib/security/codes/store";
import { isTwoFactorRequired } from "@/lib/security/core/two-factor-required";
import { methodFieldsWords, methodOptionsInWords, proveMethodWords } from "@/lib/view/sign-in-words";
import { BackToSecurity } from "../back-link";
import { DisableForm } from "./disable-form";
import { SetupForm } from "./setup-form";
import { StatusCard } from "./status-card";

export const metadata: Metadata = { title: "Two-step verification" };

export default async function TwoStepPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, authorization } = await requireUser();
  const config = getConfig();
  if (!config.twoFactor.enabled) notFound();
  const [row, params, secondFactorPasskeys] = await Promise.all([getTwoFactor(user.id), searchParams, countPasskeys(user.id, "secondary")]);
  const method = row?.method ?? null;
  const required = isTwoFactorRequired(authorization.roles);
  const [methods, fields, prove] = await Promise.all([methodOptionsInWords(config.twoFactor.methods), methodFieldsWords(), proveMethodWords()]);
  // ?method= from a row of the Sign-in & security page preselects that method (only an offered one).
  const asked = methods.find((m) => m.value === params.method)?.value;
  return (
    <>
      <NoticeBanner notice={noticeFrom(params.notice, undefined, await getLocale())} />
      <div>
        <BackToSecurity />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">Two-step verification</h1>
        <p className="mt-1 text-sm text-muted">After your password, we ask for a one-time code too, so a stolen password is not enough.</p>
      </div>
      <StatusCard row={row} required={required} recoveryCodesEnabled={config.recoveryCodes.enabled} />
      {secondFactorPasskeys ? (
        <p className="text-sm text-muted" data-testid="second-factor-passkeys">
          You also have {secondFactorPasskeys} passkey{secondFactorPasskeys === 1 ? "" : "s"} registered as a second step; you choose which to use when you sign
          in.{" "}
          <Link href={SECURITY_PAGES.passkeys} className="link">
            Manage passkeys
          </Link>
        </p>
      ) : null}
      <Card>
        <CardHeader
          title={method ? "Change method" : "Set up two-step verification"}
          description={
            method
              ? "Switch to another method or device. The current one keeps working until the new one is verified."
              : "Choose how you want to get your codes."
          }
        />
        <CardBody>
          {/* Keyed by the saved method: after a redirect back here the form starts again at step 1. */}
          <SetupForm
            key={row ? `${row.method}-${row.updatedAt.getTime()}` : "off"}
            methods={methods}
            currentMethod={method}
            initialMethod={asked ?? null}
            words={{ fields, prove }}
          />
        </CardBody>
      </Card>
      {method && !required ? (
        <Card>
          <CardHeader title="Turn off two-step verification" description="You can turn it back on at any time." />
          <CardBody>
            <DisableForm />
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}
