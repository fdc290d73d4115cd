import { ActedBy } from "@/components/acted-by";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DescriptionItem } from "@/components/ui/description-item";
import { describeUserAgent, formatDateTime } from "@/lib/view/format";
import { EVENT_LABELS } from "@/lib/security/core/events";
import type { AdminUserView } from "@/lib/security/lifecycle/admin-user-view";
import { ActionButton } from "./action-button";

const when = (d: Date | null, zone: Zone): string => (d ? formatDateTime(d, zone) : "Never");

/** The viewer's time zone (the administrator's own, decision 066), or null for UTC. */
type Zone = string | null;

export function ProfileCard({ view, zone }: { view: AdminUserView; zone: Zone }) {
  const { user } = view;
  return (
    <Card>
      <CardHeader title="Profile" />
      <CardBody>
        <dl className="grid gap-4 text-sm sm:grid-cols-3">
          <DescriptionItem label="Email">{user.email}</DescriptionItem>
          <DescriptionItem label="Username">{user.username ?? "—"}</DescriptionItem>
          <DescriptionItem label="Phone">{user.phoneOnFile ?? "—"}</DescriptionItem>
          <DescriptionItem label="Status">
            <span className="flex flex-wrap gap-1" data-testid="user-status">
              {user.active ? <Badge tone="success">Active</Badge> : <Badge tone="danger">Disabled</Badge>}
              {user.confirmedAt ? <Badge tone="neutral">Confirmed</Badge> : <Badge tone="warning">Unconfirmed</Badge>}
              {user.locked ? <Badge tone="danger">Locked</Badge> : null}
            </span>
          </DescriptionItem>
          <DescriptionItem label="Created">{formatDateTime(user.createdAt, zone)}</DescriptionItem>
          <DescriptionItem label="Last sign-in">{when(user.lastLoginAt, zone)}</DescriptionItem>
          <DescriptionItem label="Sign-ins">{user.loginCount}</DescriptionItem>
          <DescriptionItem label="Failed sign-ins in a row">{user.failedSignIns}</DescriptionItem>
          <DescriptionItem label="Password">{user.hasPassword ? "Set" : "None (password-less)"}</DescriptionItem>
        </dl>
      </CardBody>
    </Card>
  );
}

/** `assignable`: the roles this admin may give (decision 057); `changeable`: whether they may change this account at all. */
export function RolesCard({ view, assignable, changeable }: { view: AdminUserView; assignable: string[]; changeable: boolean }) {
  const id = view.user.id;
  return (
    <Card>
      <CardHeader title="Roles" />
      <CardBody className="space-y-3 text-sm">
        <ul className="flex flex-wrap gap-2" data-testid="user-roles">
          {view.roles.length ? null : <li className="text-muted">No roles.</li>}
          {view.roles.map((r) => (
            <li key={r} className="flex items-center gap-1 rounded-lg px-2 py-1 ring-1 ring-border">
              <span>{r}</span>
              {changeable ? <ActionButton userId={id} action="remove-role" role={r} label={`Remove ${r}`} variant="ghost" /> : null}
            </li>
          ))}
        </ul>
        {changeable && assignable.length ? (
          <ul className="flex flex-wrap gap-2">
            {assignable.map((r) => (
              <li key={r}>
                <ActionButton userId={id} action="add-role" role={r} label={`Add ${r}`} />
              </li>
            ))}
          </ul>
        ) : null}
      </CardBody>
    </Card>
  );
}

export function FactorsCard({ view, changeable, zone }: { view: AdminUserView; changeable: boolean; zone: Zone }) {
  const id = view.user.id;
  return (
    <Card>
      <CardHeader title="Sign-in methods and second factors" />
      <CardBody className="space-y-4 text-sm">
        <dl className="grid gap-4 sm:grid-cols-3">
          <DescriptionItem label="Two-factor">
            {view.twoFactor ? `${view.twoFactor.method}${view.twoFactor.phone ? ` (${view.twoFactor.phone})` : ""}` : "Off"}
          </DescriptionItem>
          <DescriptionItem label="Sign-in code methods">
            {view.signInMethods.length ? view.signInMethods.map((m) => m.method + (m.phone ? ` (${m.phone})` : "")).join(", ") : "None"}
          </DescriptionItem>
          <DescriptionItem label="Sign-in providers">
            {view.oauthLinks.length
              ? view.oauthLinks.map((l) => `${l.provider}${l.email ? ` (${l.email})` : ""}, last used ${when(l.lastUsedAt, zone)}`).join("; ")
              : "None"}
          </DescriptionItem>
          <DescriptionItem label="Recovery codes">
            {view.recoveryCodes.total ? `${view.recoveryCodes.remaining} of ${view.recoveryCodes.total} left` : "None"}
          </DescriptionItem>
        </dl>
        <div>
          <h3 className="font-medium">Passkeys</h3>
          <ul className="mt-1 divide-y divide-border" data-testid="user-passkeys">
            {view.passkeys.length ? null : <li className="py-1 text-muted">None.</li>}
            {view.passkeys.map((p) => (
              <li key={p.id} className="py-1">
                {p.name} · {p.usage === "first" ? "sign-in" : "second factor"} · added {formatDateTime(p.createdAt, zone)} · last used{" "}
                {when(p.lastUsedAt, zone)}
              </li>
            ))}
          </ul>
        </div>
        {changeable ? (
          <div className="flex flex-wrap gap-2">
            <ActionButton userId={id} action="reset-two-factor" label="Reset two-factor" />
            <ActionButton userId={id} action="reset-passkeys" label="Remove passkeys" />
            <ActionButton userId={id} action="reset-sign-in-methods" label="Remove sign-in methods" />
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

export function SessionsCard({ view, changeable, zone }: { view: AdminUserView; changeable: boolean; zone: Zone }) {
  const id = view.user.id;
  return (
    <Card>
      <CardHeader title={`Sessions (${view.sessions.length}) and API tokens (${view.tokens.length + view.refreshFamilies.length})`} />
      <CardBody className="space-y-3 text-sm">
        <ul className="divide-y divide-border" data-testid="user-sessions">
          {view.sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {describeUserAgent(s.userAgent)} · {s.ip ?? "unknown IP"} · since {formatDateTime(s.createdAt, zone)} · last active{" "}
                {formatDateTime(s.lastSeenAt, zone)}
              </span>
              {changeable ? <ActionButton userId={id} action="revoke-session" item={s.id} label="End session" variant="ghost" /> : null}
            </li>
          ))}
          {view.tokens.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                API token · issued {formatDateTime(k.createdAt, zone)} · last used {formatDateTime(k.lastUsedAt, zone)} · expires{" "}
                {formatDateTime(k.expiresAt, zone)}
              </span>
              {changeable ? <ActionButton userId={id} action="revoke-token" item={k.id} label="Revoke token" variant="ghost" /> : null}
            </li>
          ))}
          {view.refreshFamilies.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                App sign-in (refresh token) · since {formatDateTime(f.createdAt, zone)} · last renewed {formatDateTime(f.lastUsedAt, zone)} · expires{" "}
                {formatDateTime(f.expiresAt, zone)}
              </span>
              {changeable ? <ActionButton userId={id} action="revoke-refresh-family" item={f.id} label="End app sign-in" variant="ghost" /> : null}
            </li>
          ))}
          {view.sessions.length + view.tokens.length + view.refreshFamilies.length ? null : <li className="py-2 text-muted">None.</li>}
        </ul>
        {changeable ? (
          <div className="flex flex-wrap gap-2">
            <ActionButton userId={id} action="revoke-all-sessions" label="End every session" />
            <ActionButton userId={id} action="revoke-all-tokens" label="Revoke every token" />
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

export function ActivityCard({ view, zone }: { view: AdminUserView; zone: Zone }) {
  return (
    <Card>
      <CardHeader title="Recent activity" />
      <CardBody>
        <ul className="divide-y divide-border text-sm" data-testid="user-activity">
          {view.activity.length ? null : <li className="py-2 text-muted">Nothing yet.</li>}
          {view.activity.map((e, i) => (
            <li key={`${e.at.toISOString()}-${i}`} className="py-2">
              <span className="font-medium">
                {EVENT_LABELS[e.type] ?? e.type}
                <ActedBy email={e.actorEmail} />
              </span>{" "}
              <span className="text-muted">
                · {formatDateTime(e.at, zone)} · {e.ip ?? "—"}
              </span>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
