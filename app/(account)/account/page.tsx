import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { LanguageSetting } from "@/components/language-setting";
import { NoticeBanner } from "@/components/notice-banner";
import { isLocale } from "@/lib/i18n/locales";
import { Badge } from "@/components/ui/badge";
import { buttonVariants } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { getConfig, type CodeMethod } from "@/lib/security/config";
import { requireUser } from "@/lib/security/sessions/guards";
import { loadAccountOverview } from "@/lib/security/lifecycle/account-overview";
import { formatDateTime } from "@/lib/view/format";
import { isolate } from "@/lib/view/account-words";
import { DescriptionItem } from "@/components/ui/description-item";
import { saveLanguageAction } from "./language/actions";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.overview"))("title") };
}

export default async function AccountPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, authorization } = await requireUser();
  const config = getConfig();
  // The session lookup (requireUser) and this: the page's two round trips (decision 068).
  const [params, { twoFactorMethod, recoveryCodes: codes, passkeys, signInMethods }] = await Promise.all([searchParams, loadAccountOverview(user.id)]);
  const offeredCodeMethods = config.unified.methods.filter((m): m is CodeMethod => m !== "password");
  const [t, methods, signInWith, locale] = await Promise.all([
    getTranslations("account.overview"),
    getTranslations("twoFactor.methods"),
    getTranslations("twoFactor.signInWith"),
    getLocale(),
  ]);
  // "Change password": English lower-cases the row's title after the verb; other languages keep a noun's case.
  const rowLabel = (action: string, title: string) => `${action} ${locale === "en" ? title.toLowerCase() : title}`;
  return (
    <>
      <NoticeBanner notice={noticeFrom(params.notice, undefined, await getLocale())} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      </div>
      <Card>
        <CardHeader title={t("profile")} />
        <CardBody>
          <dl className="grid gap-4 text-sm sm:grid-cols-2">
            <DescriptionItem label={t("email")}>
              <bdi className="break-all">{user.email}</bdi>{" "}
              {user.confirmedAt ? <Badge tone="success">{t("confirmed")}</Badge> : <Badge tone="warning">{t("unconfirmed")}</Badge>}
              {config.features.changeEmail ? <EditLink href="/account/email" label={t("changeEmail")} text={t("change")} /> : null}
            </DescriptionItem>
            {user.username || config.features.changeUsername ? (
              <DescriptionItem label={t("username")}>
                {user.username ? <bdi>{user.username}</bdi> : <span className="font-normal text-muted">{t("none")}</span>}
                {config.features.changeUsername ? (
                  <EditLink
                    href="/account/username"
                    label={user.username ? t("changeUsername") : t("chooseUsername")}
                    text={user.username ? t("change") : t("choose")}
                  />
                ) : null}
              </DescriptionItem>
            ) : null}
            <DescriptionItem label={t("memberSince")}>{formatDateTime(user.createdAt, null, locale)}</DescriptionItem>
            <DescriptionItem label={t("lastSignIn")}>
              {user.lastLoginAt
                ? user.lastLoginIp
                  ? t("lastSignInFrom", { when: formatDateTime(user.lastLoginAt, null, locale), ip: isolate(user.lastLoginIp, locale) })
                  : formatDateTime(user.lastLoginAt, null, locale)
                : t("firstSession")}
            </DescriptionItem>
            {authorization.roles.length ? (
              <DescriptionItem label={t("roles")}>
                <span className="flex flex-wrap gap-1">
                  {authorization.roles.map((role) => (
                    <Badge key={role} tone="accent">
                      {role}
                    </Badge>
                  ))}
                </span>
              </DescriptionItem>
            ) : null}
          </dl>
        </CardBody>
      </Card>
      <Card>
        <CardHeader
          title={t("security")}
          description={t.rich("securityIntro", {
            link: (chunks) => (
              <Link href="/account/security" className="link">
                {chunks}
              </Link>
            ),
          })}
        />
        <CardBody>
          <ul className="divide-y divide-border text-sm">
            <Row
              title={t("password")}
              detail={user.passwordHash ? t("set") : t("notSet")}
              href="/account/password"
              action={user.passwordHash ? t("change") : t("setAction")}
              label={rowLabel}
            />
            {config.twoFactor.enabled ? (
              <Row
                title={t("twoStep")}
                detail={twoFactorMethod ? t("twoStepOn", { method: methods(twoFactorMethod) }) : t("off")}
                href="/account/security/two-step"
                action={twoFactorMethod ? t("manage") : t("setUp")}
                label={rowLabel}
              />
            ) : null}
            {config.webauthn.enabled ? (
              <Row
                title={t("passkeys")}
                detail={passkeys ? t("passkeysCount", { count: passkeys }) : t("passkeysNone")}
                href="/account/security/passkeys"
                action={passkeys ? t("manage") : t("add")}
                label={rowLabel}
              />
            ) : null}
            {config.unified.enabled && offeredCodeMethods.length ? (
              <Row
                title={t("signInCodes")}
                detail={
                  signInMethods.length
                    ? t("activeCount", { count: signInMethods.length })
                    : t("noneYet", { methods: new Intl.ListFormat(locale, { type: "unit" }).format(offeredCodeMethods.map((m) => signInWith(m))) })
                }
                href="/account/security/sign-in-codes"
                action={signInMethods.length ? t("manage") : t("setUp")}
                label={rowLabel}
              />
            ) : null}
            {config.recoveryCodes.enabled ? (
              <Row
                title={t("recoveryCodes")}
                detail={codes.total > 0 ? t("codesLeft", { count: codes.remaining }) : t("notGenerated")}
                href="/account/security/recovery-codes"
                action={codes.total > 0 ? t("manage") : t("generate")}
                label={rowLabel}
              />
            ) : null}
            <Row title={t("sessions")} detail={t("sessionsDetail")} href="/account/sessions" action={t("review")} label={rowLabel} />
            <Row title={t("activity")} detail={t("activityDetail")} href="/account/activity" action={t("view")} label={rowLabel} />
          </ul>
        </CardBody>
      </Card>
      <LanguageSetting current={user.localeChosen && isLocale(user.locale) ? user.locale : locale} action={saveLanguageAction} />
      {config.features.deleteAccount ? (
        <Card>
          <CardHeader title={t("delete")} description={t("deleteDetail")} />
          <CardBody>
            <Link href="/account/delete" className={buttonVariants({ variant: "secondary", size: "sm" })}>
              {t("deleteAction")}
            </Link>
          </CardBody>
        </Card>
      ) : null}
    </>
  );
}

function EditLink({ href, label, text }: { href: string; label: string; text: string }) {
  return (
    <Link href={href} className="link ms-2 text-sm font-normal" aria-label={label}>
      {text}
    </Link>
  );
}

function Row(props: { title: string; detail: string; href: string; action: string; label: (action: string, title: string) => string }) {
  const { title, detail, href, action, label } = props;
  return (
    <li className="flex items-center justify-between gap-4 py-3">
      <div>
        <p className="font-medium">{title}</p>
        <p className="text-muted">{detail}</p>
      </div>
      <Link href={href} className="link shrink-0" aria-label={label(action, title)}>
        {action}
      </Link>
    </li>
  );
}
