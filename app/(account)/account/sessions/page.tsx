import type { Metadata } from "next";
import { getLocale } from "next-intl/server";
import { ConfirmForm } from "@/components/confirm-form";
import { NoticeBanner } from "@/components/notice-banner";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { ResultToast } from "@/components/ui/toast";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { zoneOrUtc } from "@/lib/view/time";
import { requireUser } from "@/lib/security/sessions/guards";
import { listSessions, sessionPublicId } from "@/lib/security/sessions/store";
import { listAuthTokens, listRefreshFamilies } from "@/lib/security/sessions/api-credentials";
import { revokeOtherSessionsAction } from "./actions";
import { ApiTokens } from "./api-tokens";
import { SessionItem } from "./session-item";

export const metadata: Metadata = { title: "Sessions" };

/** "Signed out 2 devices", from the count the action put in the URL (bounded: it is only words). */
function endedMessage(ended: unknown): string | null {
  if (typeof ended !== "string" || !/^\d{1,4}$/.test(ended)) return null;
  const n = Number(ended);
  return n === 0 ? "That device was already signed out." : `Signed out ${n} device${n === 1 ? "" : "s"}.`;
}

export default async function SessionsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, session: current } = await requireUser();
  const [sessions, tokens, families] = await Promise.all([listSessions(user.id), listAuthTokens(user.id), listRefreshFamilies(user.id)]);
  const params = await searchParams;
  const notice = noticeFrom(params.notice, undefined, await getLocale());
  // A sign-out's result is a toast (and, without JavaScript, the same words as an alert); other notices stay banners.
  const toast = notice?.code === "SESSION_REVOKED" ? endedMessage(params.ended) : null;
  const zone = zoneOrUtc(user.timeZone);
  const now = new Date();
  return (
    <>
      {toast ? (
        <>
          <ResultToast message={toast} />
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
          <h1 className="text-2xl font-semibold tracking-tight">Sessions</h1>
          <p className="mt-1 text-sm text-muted">Devices signed in to your account. Sign out any you don&apos;t recognise.</p>
        </div>
        {sessions.length > 1 ? (
          <ConfirmForm
            action={revokeOtherSessionsAction}
            label="Sign out other sessions"
            variant="secondary"
            title="Sign out everywhere else?"
            description={`Every other device (${sessions.length - 1}) will need to sign in again. This one stays signed in.`}
            confirmLabel="Sign out everywhere else"
          />
        ) : null}
      </div>
      <Card>
        <CardHeader title={`${sessions.length} active session${sessions.length === 1 ? "" : "s"}`} />
        <CardBody>
          <ul className="divide-y divide-border" data-testid="session-list">
            {sessions.map((s) => (
              <SessionItem key={sessionPublicId(s.tokenHash)} session={s} current={s.tokenHash === current.tokenHash} zone={zone} now={now} />
            ))}
          </ul>
        </CardBody>
      </Card>
      <ApiTokens tokens={tokens} families={families} zone={zone} />
    </>
  );
}
