import type { Metadata } from "next";
import { NoticeBanner } from "@/components/notice-banner";
import { Badge } from "@/components/ui/badge";
import { Button } from "@/components/ui/button";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { describeUserAgent, formatDateTime } from "@/lib/view/format";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { describeAuthnVia } from "@/lib/view/labels";
import { requireUser } from "@/lib/security/sessions/guards";
import { listSessions, sessionPublicId } from "@/lib/security/sessions/store";
import { listAuthTokens, listRefreshFamilies } from "@/lib/security/sessions/api-credentials";
import { revokeOtherSessionsAction, revokeSessionAction } from "./actions";
import { ApiTokens } from "./api-tokens";

export const metadata: Metadata = { title: "Sessions" };

export default async function SessionsPage({ searchParams }: { searchParams: SearchParams }) {
  const { user, session: current } = await requireUser();
  const [sessions, tokens, families] = await Promise.all([listSessions(user.id), listAuthTokens(user.id), listRefreshFamilies(user.id)]);
  const notice = noticeFrom((await searchParams).notice);
  return (
    <>
      <NoticeBanner notice={notice} />
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Sessions</h1>
          <p className="mt-1 text-sm text-muted">Devices signed in to your account. Sign out any you don&apos;t recognise.</p>
        </div>
        {sessions.length > 1 ? (
          <form action={revokeOtherSessionsAction}>
            <Button variant="secondary" size="sm" type="submit">
              Sign out other sessions
            </Button>
          </form>
        ) : null}
      </div>
      <Card>
        <CardHeader title={`${sessions.length} active session${sessions.length === 1 ? "" : "s"}`} />
        <CardBody>
          <ul className="divide-y divide-border" data-testid="session-list">
            {sessions.map((s) => {
              const isCurrent = s.tokenHash === current.tokenHash;
              return (
                <li key={sessionPublicId(s.tokenHash)} className="flex flex-wrap items-center justify-between gap-3 py-3 text-sm">
                  <div className="min-w-0">
                    <p className="font-medium">
                      {describeUserAgent(s.userAgent)} {isCurrent ? <Badge tone="success">This device</Badge> : null}{" "}
                      {s.remember ? <Badge tone="neutral">Remembered</Badge> : null}
                    </p>
                    <p className="text-muted">
                      {s.ip ?? "unknown IP"} · signed in {formatDateTime(s.createdAt)}
                      {describeAuthnVia(s.authnVia) ? ` with ${describeAuthnVia(s.authnVia)}` : ""} · last active {formatDateTime(s.lastSeenAt)}
                    </p>
                  </div>
                  {isCurrent ? null : (
                    <form action={revokeSessionAction}>
                      <input type="hidden" name="id" value={sessionPublicId(s.tokenHash)} />
                      <Button variant="ghost" size="sm" type="submit" aria-label={`Sign out ${describeUserAgent(s.userAgent)} from ${s.ip ?? "unknown IP"}`}>
                        Sign out
                      </Button>
                    </form>
                  )}
                </li>
              );
            })}
          </ul>
        </CardBody>
      </Card>
      <ApiTokens tokens={tokens} families={families} />
    </>
  );
}
