import { ConfirmForm } from "@/components/confirm-form";
import { RelativeTime } from "@/components/relative-time";
import { Badge } from "@/components/ui/badge";
import { describeDevice } from "@/lib/security/core/user-agent";
import type { SessionRecord } from "@/lib/security/sessions/store";
import { sessionPublicId } from "@/lib/security/sessions/store";
import { describeAuthnVia } from "@/lib/view/labels";
import { describeIp } from "@/lib/view/network";
import { formatDateTimeIn, relativeTime } from "@/lib/view/time";
import { revokeSessionAction } from "./actions";
import { DeviceIcon } from "./device-icon";

/** One signed-in device: what it is, where from, how and when it signed in, when last seen. */
export function SessionItem({ session, current, zone, now }: { session: SessionRecord; current: boolean; zone: string; now: Date }) {
  const device = describeDevice(session.userAgent);
  const where = describeIp(session.ip);
  const via = describeAuthnVia(session.authnVia);
  const lastActive = current ? (
    "active now"
  ) : (
    <>
      last active{" "}
      <RelativeTime
        iso={session.lastSeenAt.toISOString()}
        relative={relativeTime(session.lastSeenAt, now)}
        exact={formatDateTimeIn(session.lastSeenAt, zone)}
      />
    </>
  );
  return (
    <li className="flex flex-wrap items-start gap-3 py-3 text-sm" data-testid="session-item">
      <DeviceIcon type={device.type} />
      <div className="min-w-0 flex-1">
        <p className="font-medium">
          {device.name} {current ? <Badge tone="success">This device</Badge> : null} {session.remember ? <Badge tone="neutral">Remembered</Badge> : null}
        </p>
        <p className="text-muted">
          {where} · {lastActive}
        </p>
        <p className="text-muted">
          Signed in {formatDateTimeIn(session.createdAt, zone)}
          {via ? ` with ${via}` : ""}
        </p>
      </div>
      {current ? null : (
        <ConfirmForm
          action={revokeSessionAction}
          fields={{ id: sessionPublicId(session.tokenHash) }}
          label="Sign out"
          ariaLabel={`Sign out ${device.name} from ${where}`}
          title="Sign out this device?"
          description={`${device.name} (${where}) will need to sign in again.`}
          confirmLabel="Sign out"
        />
      )}
    </li>
  );
}
