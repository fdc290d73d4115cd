import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { notFound } from "next/navigation";
import { NoticeBanner } from "@/components/notice-banner";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { pageLocale } from "@/lib/view/page-locale";
import { schemaWordsFor } from "@/lib/view/schema-words-server";
import { getConfig } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { listSignInMethods } from "@/lib/security/codes/store";
import { MethodRow, type MethodRowWords } from "./method-row";
import { methodsSignature, toMethodViews } from "./method-view";
import { PasswordRow } from "./password-row";
import { BackToSecurity } from "../back-link";
import { proveMethodWords } from "@/lib/view/sign-in-words";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.signInCodes"))("title") };
}

export default async function SignInMethodsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user } = await requireUser();
  const config = getConfig();
  if (!config.unified.enabled) notFound();
  const [rows, params, t, locale, prove] = await Promise.all([
    listSignInMethods(user.id),
    searchParams,
    getTranslations("account.signInCodes"),
    pageLocale(),
    proveMethodWords(),
  ]);
  const methods = await toMethodViews(config.unified.methods, rows, user.email);
  const signature = methodsSignature(rows);
  const words: MethodRowWords = {
    active: t("active"),
    notSetUp: t("notSetUp"),
    remove: t("remove"),
    setUp: t("setUp"),
    verifyLabel: t("verifyLabel"),
    verifyAdd: t("verifyAdd"),
    cancel: t("cancel"),
    phoneAria: t("phoneAria"),
    phone: t("phone"),
    phoneHint: t("phoneHint"),
    send: t("send"),
    schema: schemaWordsFor(locale),
  };
  return (
    <>
      <NoticeBanner notice={noticeFrom(params.notice, undefined, locale)} />
      <div>
        <BackToSecurity />
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      </div>
      <Card>
        <CardHeader title={t("waysTitle")} description={t("waysBody")} />
        <CardBody>
          <ul className="divide-y divide-border text-sm" data-testid="sign-in-methods">
            {methods.map((method) => (
              // Keyed by every method's state: after a change and the redirect back, each row starts over.
              <MethodRow key={`${method.value}:${signature}`} method={method} words={words} proveWords={prove} />
            ))}
            <PasswordRow hasPassword={Boolean(user.passwordHash)} />
          </ul>
        </CardBody>
      </Card>
    </>
  );
}
