import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { ConfirmForm } from "@/components/confirm-form";
import { NoticeBanner } from "@/components/notice-banner";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ResultToast } from "@/components/ui/toast";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { zoneOrUtc } from "@/lib/view/time";
import { accountWords } from "@/lib/view/account-words";
import { requireUser } from "@/lib/security/sessions/guards";
import { listSessions, sessionPublicId } from "@/lib/security/sessions/store";
import { listAuthTokens, listRefreshFamilies } from "@/lib/security/sessions/api-credentials";
import { revokeOtherSessionsAction } from "./actions";
import { ApiTokens } from "./api-tokens";
import { SessionItem, type SessionWords } from "./session-item";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("account.sessions"))("title") };
}

/** "Signed out 2 devices", from the count the action put in the URL (bounded: it is only words). */
function endedMessage(ended: unknown, t: Awaited<ReturnType<typeof getTranslations<"account.sessions">>>): string | null {
  if (typeof ended !== "string" || !/^\d{1,4}$/.test(ended)) return null;
  const n = Number(ended);
  return n === 0 ? t("alreadyOut") : t("signedOutCount", { count: n });
}

export default async function SessionsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, session: current } = await requireUser();
  const [sessions, tokens, families] = await Promise.all([listSessions(user.id), listAuthTokens(user.id), listRefreshFamilies(user.id)]);
  const [params, t, ui, words, locale] = await Promise.all([
    searchParams,
    getTranslations("account.sessions"),
    getTranslations("ui"),
    accountWords(),
    getLocale(),
  ]);
  const notice = noticeFrom(params.notice, undefined, locale);
  // A sign-out's result is a toast (and, without JavaScript, the same words as an alert); other notices stay banners.
  const toast = notice?.code === "SESSION_REVOKED" ? endedMessage(params.ended, t) : null;
  const zone = zoneOrUtc(user.timeZone);
  const now = new Date();
  const sessionWords: SessionWords = {
    locale: words.locale,
    network: words.network,
    via: words.via,
    activeNow: t("activeNow"),
    lastActive: t("lastActive"),
    thisDevice: t("thisDevice"),
    remembered: t("remembered"),
    signedIn: (when: string, via: string) => (via ? t("signedInWith", { when, via }) : t("signedIn", { when })),
    signOut: t("signOut"),
    signOutAria: (device: string, where: string) => t("signOutAria", { device, where }),
    signOutTitle: t("signOutTitle"),
    signOutBody: (device: string, where: string) => t("signOutBody", { device, where }),
    cancel: t("cancel"),
    close: ui("dialog.close"),
  };
  return (
    <>
      {toast ? (
        <>
          <ResultToast message={toast} dismissLabel={ui("toast.dismiss")} />
          <noscript>
            <Alert tone="success" testId="notice">
              {toast}
            </Alert>
          </noscript>
        </>
      ) : (
        <NoticeBanner notice={notice} />
      )}
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-sm text-muted">{t("intro")}</p>
        </div>
        {sessions.length > 1 ? (
          <ConfirmForm
            action={revokeOtherSessionsAction}
            label={t("signOutOthers")}
            variant="secondary"
            title={t("othersTitle")}
            description={t("othersBody", { count: sessions.length - 1 })}
            confirmLabel={t("othersConfirm")}
            cancelLabel={t("cancel")}
            closeLabel={ui("dialog.close")}
          />
        ) : null}
      </div>
      <Card>
        <CardHeader title={t("activeCount", { count: sessions.length })} />
        <CardBody>
          <ul className="divide-y divide-border" data-testid="session-list">
            {sessions.map((s) => (
              <SessionItem
                key={sessionPublicId(s.tokenHash)}
                session={s}
                current={s.tokenHash === current.tokenHash}
                zone={zone}
                now={now}
                words={sessionWords}
              />
            ))}
          </ul>
        </CardBody>
      </Card>
      <ApiTokens tokens={tokens} families={families} zone={zone} locale={words.locale} via={words.via} />
    </>
  );
}
