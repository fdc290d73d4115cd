import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
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
import { GenerateForm, type GenerateWords } from "./generate-form";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.recoveryCodes"))("title") };
}

export default async function RecoveryCodesPage() {
  const { user } = await requireUser();
  const config = getConfig();
  if (!config.recoveryCodes.enabled) notFound();
  const [{ total, remaining }, twoFactor, t] = await Promise.all([
    recoveryCodeStatus(user.id),
    getTwoFactor(user.id),
    getTranslations("account.recoveryCodes"),
  ]);
  const low = total > 0 && remaining <= config.recoveryCodes.lowWarning;
  const words: GenerateWords = {
    generateNew: t("generateNew"),
    generate: t("generate"),
    replaceQuestion: t("replaceQuestion"),
    firstTime: t("firstTime"),
    yes: t("yes"),
    cancel: t("cancel"),
    list: {
      saveTitle: t("saveTitle"),
      saveBody: t("saveBody"),
      listLabel: t("listLabel"),
      copy: t("copy"),
      copied: t("copied"),
      download: t("download"),
      print: t("print"),
      copiedStatus: t("copiedStatus"),
      copyFailed: t("copyFailed"),
      fileTitle: t("fileTitle", { appName: config.appName, email: user.email }),
      fileGenerated: t.raw("fileGenerated") as string,
    },
  };
  return (
    <>
      <div>
        <BackToSecurity />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      </div>
      {config.twoFactor.enabled && !twoFactor ? (
        <Alert tone="info">{t.rich("needsTwoStep", { link: (chunks) => <Link href={SECURITY_PAGES.twoStep}>{chunks}</Link> })}</Alert>
      ) : null}
      {low ? (
        <Alert tone="warning" testId="recovery-codes-low">
          {t("low")}
        </Alert>
      ) : null}
      <Card>
        <CardHeader title={t("cardTitle")} description={t("cardBody")} />
        <CardBody className="space-y-5">
          <p className="flex flex-wrap items-center gap-2 text-sm">
            <span className="text-muted">{t("status")}</span>
            <span data-testid="recovery-codes-status">
              {total > 0 ? <Badge tone={low ? "warning" : "success"}>{t("left", { remaining, total })}</Badge> : <Badge tone="neutral">{t("none")}</Badge>}
            </span>
          </p>
          <GenerateForm hasCodes={total > 0} appName={config.appName} words={words} />
        </CardBody>
      </Card>
    </>
  );
}
