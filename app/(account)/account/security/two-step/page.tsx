import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
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
import { schemaWordsFor } from "@/lib/view/schema-words-server";
import { pageLocale } from "@/lib/view/page-locale";
import { methodFieldsWords, methodOptionsInWords, proveMethodWords } from "@/lib/view/sign-in-words";
import { BackToSecurity } from "../back-link";
import { DisableForm } from "./disable-form";
import { SetupForm, type SetupWords } from "./setup-form";
import { StatusCard } from "./status-card";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.twoStep"))("title") };
}

export default async function TwoStepPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, authorization } = await requireUser();
  const config = getConfig();
  if (!config.twoFactor.enabled) notFound();
  const [row, params, secondFactorPasskeys, t, locale] = await Promise.all([
    getTwoFactor(user.id),
    searchParams,
    countPasskeys(user.id, "secondary"),
    getTranslations("account.twoStep"),
    pageLocale(),
  ]);
  const method = row?.method ?? null;
  const required = isTwoFactorRequired(authorization.roles);
  const [methods, fields, prove] = await Promise.all([methodOptionsInWords(config.twoFactor.methods), methodFieldsWords(), proveMethodWords()]);
  // ?method= from a row of the Sign-in & security page preselects that method (only an offered one).
  const asked = methods.find((m) => m.value === params.method)?.value;
  const setupWords: SetupWords = {
    verifyLabel: t("verifyLabel"),
    submit: method ? t("verifySwitch") : t("verifyOn"),
    startOver: t("startOver"),
    form: method ? t("changeAria") : t("setUp"),
    legend: t("method"),
    continue: t("continue"),
    schema: schemaWordsFor(locale),
  };
  const disableWords = { turnOff: t("turnOff"), confirmAria: t("confirmAria"), question: t("question"), yes: t("yes"), cancel: t("cancel") };
  return (
    <>
      <NoticeBanner notice={noticeFrom(params.notice, undefined, await getLocale())} />
      <div>
        <BackToSecurity />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      </div>
      <StatusCard row={row} required={required} recoveryCodesEnabled={config.recoveryCodes.enabled} />
      {secondFactorPasskeys ? (
        <p className="text-sm text-muted" data-testid="second-factor-passkeys">
          {t("alsoPasskeys", { count: secondFactorPasskeys })}{" "}
          <Link href={SECURITY_PAGES.passkeys} className="link">
            {t("managePasskeys")}
          </Link>
        </p>
      ) : null}
      <Card>
        <CardHeader title={method ? t("changeMethod") : t("setUp")} description={method ? t("changeBody") : t("setUpBody")} />
        <CardBody>
          {/* Keyed by the saved method: after a redirect back here the form starts again at step 1. */}
          <SetupForm
            key={row ? `${row.method}-${row.updatedAt.getTime()}` : "off"}
            methods={methods}
            currentMethod={method}
            initialMethod={asked ?? null}
            words={{ ...setupWords, fields, prove }}
          />
        </CardBody>
      </Card>
      {method && !required ? (
        <Card>
          <CardHeader title={t("turnOff")} description={t("turnOffBody")} />
          <CardBody>
            <DisableForm words={disableWords} />
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}
