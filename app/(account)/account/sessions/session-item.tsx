import { ConfirmForm } from "@/components/confirm-form";
import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { describeDevice } from "@/lib/security/core/user-agent";
import type { SessionRecord } from "@/lib/security/sessions/store";
import { sessionPublicId } from "@/lib/security/sessions/store";
import { describeAuthnVia } from "@/lib/view/labels";
import { describeIp, type NetworkWords } from "@/lib/view/network";
import { formatDateTimeIn, relativeTime } from "@/lib/view/time";
import { revokeSessionAction } from "./actions";
import { DeviceIcon } from "./device-icon";

/** The page's words for a session, in its language (read once by the page from the catalogue). */
export interface SessionWords {
  locale: string;
  network: NetworkWords;
  via: Readonly<Record<string, string>>;
  activeNow: string;
  lastActive: string;
  thisDevice: string;
  remembered: string;
  signedIn: (when: string, via: string) => string;
  signOut: string;
  signOutAria: (device: string, where: string) => string;
  signOutTitle: string;
  signOutBody: (device: string, where: string) => string;
  cancel: string;
  /** The confirm dialog's ✕ (ui.dialog.close). */
  close: string;
}

/** One signed-in device: what it is, where from, how and when it signed in, when last seen. */
export function SessionItem({
  session,
  current,
  zone,
  now,
  words,
}: {
  session: SessionRecord;
  current: boolean;
  zone: string;
  now: Date;
  words: SessionWords;
}) {
  const { locale } = words;
  const device = describeDevice(session.userAgent);
  const where = describeIp(session.ip, words.network);
  const via = describeAuthnVia(session.authnVia, words.via);
  const lastActive = current ? (
    words.activeNow
  ) : (
    <>
      {words.lastActive}{" "}
      <RelativeTime
        iso={session.lastSeenAt.toISOString()}
        relative={relativeTime(session.lastSeenAt, now, locale)}
        exact={formatDateTimeIn(session.lastSeenAt, zone, locale)}
      />
    </>
  );
  return (
    <li className="flex flex-wrap items-start gap-3 py-3 text-sm" data-testid="session-item">
      <DeviceIcon type={device.type} />
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          <bdi>{device.name}</bdi> {current ? <Badge tone="success">{words.thisDevice}</Badge> : null}{" "}
          {session.remember ? <Badge tone="neutral">{words.remembered}</Badge> : null}
        </p>
        <p className="text-muted">
          <bdi>{where}</bdi> · {lastActive}
        </p>
        <p className="text-muted">{words.signedIn(formatDateTimeIn(session.createdAt, zone, locale), via)}</p>
      </div>
      {current ? null : (
        <ConfirmForm
          action={revokeSessionAction}
          fields={{ id: sessionPublicId(session.tokenHash) }}
          label={words.signOut}
          ariaLabel={words.signOutAria(device.name, where)}
          title={words.signOutTitle}
          description={words.signOutBody(device.name, where)}
          confirmLabel={words.signOut}
          cancelLabel={words.cancel}
          closeLabel={words.close}
        />
      )}
    </li>
  );
}
