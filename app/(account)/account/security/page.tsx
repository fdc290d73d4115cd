import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { NoticeBanner } from "@/components/notice-banner";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { requireUser } from "@/lib/security/sessions/guards";
import { readSecurityOverview } from "@/lib/view/security-overview";
import { ProtectionCard } from "./protection-card";
import { RecoveryCodesCard } from "./recovery-codes-card";
import { WaysCard } from "./ways-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.security"))("title") };
}

/**
 * One place for how this account signs in and what protects it (decision 064). The set-up flows
 * live on the sub-pages (two-step, passkeys, sign-in codes, recovery codes); this page says, in
 * plain words, what each way does and what to do next.
 */
export default async function SecurityPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, authorization } = await requireUser();
  const [overview, params, t] = await Promise.all([readSecurityOverview(user, authorization.roles), searchParams, getTranslations("account.security")]);
  return (
    <>
      <NoticeBanner notice={noticeFrom(params.notice, undefined, await getLocale())} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      </div>
      <ProtectionCard overview={overview} />
      <WaysCard overview={overview} />
      {overview.recoveryCodes.offered ? <RecoveryCodesCard codes={overview.recoveryCodes} twoStepOn={overview.twoStep.method !== null} /> : null}
    </>
  );
}
