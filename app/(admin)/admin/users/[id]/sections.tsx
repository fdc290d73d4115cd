import { getTranslations } from "next-intl/server";
import { ActedBy } from "@/components/acted-by";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { DescriptionItem } from "@/components/ui/description-item";
import { describeUserAgent, formatDateTime } from "@/lib/view/format";
import type { Messages } from "@/lib/i18n/catalogues";
import type { SecurityEventType } from "@/lib/security/core/events";
import type { AdminUserView } from "@/lib/security/lifecycle/admin-user-view";
import { ActionButton } from "./action-button";

/** The viewer's time zone (the administrator's own, decision 066), or null for UTC, and the page's language. */
interface Viewer {
  zone: string | null;
  locale: string;
}

type MethodKey = keyof Messages["twoFactor"]["methods"];

/** A time in the viewer's zone and language, or the page's "Never". */
async function timeWords({ zone, locale }: Viewer) {
  const t = await getTranslations("admin.user");
  const at = (d: Date): string => formatDateTime(d, zone, locale);
  return { at, when: (d: Date | null): string => (d ? at(d) : t("never")) };
}

export async function ProfileCard({ view, ...viewer }: { view: AdminUserView } & Viewer) {
  const { user } = view;
  const [t, { at, when }] = await Promise.all([getTranslations("admin.user.profile"), timeWords(viewer)]);
  return (
    <Card>
      <CardHeader title={t("title")} />
      <CardBody>
        <dl className="grid gap-4 text-sm sm:grid-cols-3">
          <DescriptionItem label={t("email")}>
            <bdi>{user.email}</bdi>
          </DescriptionItem>
          <DescriptionItem label={t("username")}>{user.username ?? "—"}</DescriptionItem>
          <DescriptionItem label={t("phone")}>
            <bdi dir="ltr">{user.phoneOnFile ?? "—"}</bdi>
          </DescriptionItem>
          <DescriptionItem label={t("status")}>
            <span className="flex flex-wrap gap-1" data-testid="user-status">
              {user.active ? <Badge tone="success">{t("active")}</Badge> : <Badge tone="danger">{t("disabled")}</Badge>}
              {user.confirmedAt ? <Badge tone="neutral">{t("confirmed")}</Badge> : <Badge tone="warning">{t("unconfirmed")}</Badge>}
              {user.locked ? <Badge tone="danger">{t("locked")}</Badge> : null}
            </span>
          </DescriptionItem>
          <DescriptionItem label={t("created")}>{at(user.createdAt)}</DescriptionItem>
          <DescriptionItem label={t("lastSignIn")}>{when(user.lastLoginAt)}</DescriptionItem>
          <DescriptionItem label={t("signIns")}>{user.loginCount}</DescriptionItem>
          <DescriptionItem label={t("failedSignIns")}>{user.failedSignIns}</DescriptionItem>
          <DescriptionItem label={t("password")}>{user.hasPassword ? t("passwordSet") : t("passwordNone")}</DescriptionItem>
        </dl>
      </CardBody>
    </Card>
  );
}

/** `assignable`: the roles this admin may give (decision 057); `changeable`: whether they may change this account at all. */
export async function RolesCard({ view, assignable, changeable }: { view: AdminUserView; assignable: string[]; changeable: boolean }) {
  const id = view.user.id;
  const t = await getTranslations("admin.user.roles");
  return (
    <Card>
      <CardHeader title={t("title")} />
      <CardBody className="space-y-3 text-sm">
        <ul className="flex flex-wrap gap-2" data-testid="user-roles">
          {view.roles.length ? null : <li className="text-muted">{t("none")}</li>}
          {view.roles.map((r) => (
            <li key={r} className="flex items-center gap-1 rounded-lg px-2 py-1 ring-1 ring-border">
              <span>{r}</span>
              {changeable ? <ActionButton userId={id} action="remove-role" role={r} label={t("remove", { role: r })} variant="ghost" /> : null}
            </li>
          ))}
        </ul>
        {changeable && assignable.length ? (
          <ul className="flex flex-wrap gap-2">
            {assignable.map((r) => (
              <li key={r}>
                <ActionButton userId={id} action="add-role" role={r} label={t("add", { role: r })} />
              </li>
            ))}
          </ul>
        ) : null}
      </CardBody>
    </Card>
  );
}

export async function FactorsCard({ view, changeable, ...viewer }: { view: AdminUserView; changeable: boolean } & Viewer) {
  const id = view.user.id;
  const [t, methods, { at, when }] = await Promise.all([getTranslations("admin.user.factors"), getTranslations("twoFactor.methods"), timeWords(viewer)]);
  const withPhone = (name: string, phone: string | null | undefined): string => (phone ? `${name} (${phone})` : name);
  // A method's key ("authenticator", "email", "sms") in the words the account pages use.
  const method = (key: string): string => (methods.has(key as MethodKey) ? methods(key as MethodKey) : key);
  return (
    <Card>
      <CardHeader title={t("title")} />
      <CardBody className="space-y-4 text-sm">
        <dl className="grid gap-4 sm:grid-cols-3">
          <DescriptionItem label={t("twoFactor")}>{view.twoFactor ? withPhone(method(view.twoFactor.method), view.twoFactor.phone) : t("off")}</DescriptionItem>
          <DescriptionItem label={t("signInMethods")}>
            {view.signInMethods.length ? view.signInMethods.map((m) => withPhone(method(m.method), m.phone)).join(", ") : t("none")}
          </DescriptionItem>
          <DescriptionItem label={t("providers")}>
            {view.oauthLinks.length
              ? view.oauthLinks.map((l) => t("provider", { provider: withPhone(l.provider, l.email), at: when(l.lastUsedAt) })).join("; ")
              : t("none")}
          </DescriptionItem>
          <DescriptionItem label={t("recoveryCodes")}>
            {view.recoveryCodes.total ? t("codesLeft", { remaining: view.recoveryCodes.remaining, total: view.recoveryCodes.total }) : t("none")}
          </DescriptionItem>
        </dl>
        <div>
          <h3 className="font-medium">{t("passkeys")}</h3>
          <ul className="mt-1 divide-y divide-border" data-testid="user-passkeys">
            {view.passkeys.length ? null : <li className="py-1 text-muted">{t("noPasskeys")}</li>}
            {view.passkeys.map((p) => (
              <li key={p.id} className="py-1">
                {t("passkey", { name: p.name, usage: p.usage === "first" ? "first" : "secondary", added: at(p.createdAt), used: when(p.lastUsedAt) })}
              </li>
            ))}
          </ul>
        </div>
        {changeable ? (
          <div className="flex flex-wrap gap-2">
            <ActionButton userId={id} action="reset-two-factor" label={t("resetTwoFactor")} />
            <ActionButton userId={id} action="reset-passkeys" label={t("resetPasskeys")} />
            <ActionButton userId={id} action="reset-sign-in-methods" label={t("resetSignInMethods")} />
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

export async function SessionsCard({ view, changeable, ...viewer }: { view: AdminUserView; changeable: boolean } & Viewer) {
  const id = view.user.id;
  const [t, { at }] = await Promise.all([getTranslations("admin.user.sessions"), timeWords(viewer)]);
  return (
    <Card>
      <CardHeader title={t("title", { sessions: view.sessions.length, tokens: view.tokens.length + view.refreshFamilies.length })} />
      <CardBody className="space-y-3 text-sm">
        <ul className="divide-y divide-border" data-testid="user-sessions">
          {view.sessions.map((s) => (
            <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>
                {t("session", { device: describeUserAgent(s.userAgent), ip: s.ip ?? t("unknownIp"), since: at(s.createdAt), active: at(s.lastSeenAt) })}
              </span>
              {changeable ? <ActionButton userId={id} action="revoke-session" item={s.id} label={t("end")} variant="ghost" /> : null}
            </li>
          ))}
          {view.tokens.map((k) => (
            <li key={k.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>{t("token", { issued: at(k.createdAt), used: at(k.lastUsedAt), expires: at(k.expiresAt) })}</span>
              {changeable ? <ActionButton userId={id} action="revoke-token" item={k.id} label={t("revokeToken")} variant="ghost" /> : null}
            </li>
          ))}
          {view.refreshFamilies.map((f) => (
            <li key={f.id} className="flex flex-wrap items-center justify-between gap-2 py-2">
              <span>{t("appSignIn", { since: at(f.createdAt), renewed: at(f.lastUsedAt), expires: at(f.expiresAt) })}</span>
              {changeable ? <ActionButton userId={id} action="revoke-refresh-family" item={f.id} label={t("endAppSignIn")} variant="ghost" /> : null}
            </li>
          ))}
          {view.sessions.length + view.tokens.length + view.refreshFamilies.length ? null : <li className="py-2 text-muted">{t("none")}</li>}
        </ul>
        {changeable ? (
          <div className="flex flex-wrap gap-2">
            <ActionButton userId={id} action="revoke-all-sessions" label={t("endAll")} />
            <ActionButton userId={id} action="revoke-all-tokens" label={t("revokeAll")} />
          </div>
        ) : null}
      </CardBody>
    </Card>
  );
}

export async function ActivityCard({ view, ...viewer }: { view: AdminUserView } & Viewer) {
  const [t, events, activity, { at }] = await Promise.all([
    getTranslations("admin.user"),
    getTranslations("activity.events"),
    getTranslations("activity"),
    timeWords(viewer),
  ]);
  return (
    <Card>
      <CardHeader title={t("activity.title")} />
      <CardBody>
        <ul className="divide-y divide-border text-sm" data-testid="user-activity">
          {view.activity.length ? null : <li className="py-2 text-muted">{t("activity.empty")}</li>}
          {view.activity.map((e, i) => (
            <li key={`${e.at.toISOString()}-${i}`} className="py-2">
              <span className="font-medium">
                {events.has(e.type) ? events(e.type as SecurityEventType) : e.type}
                <ActedBy email={e.actorEmail} words={activity.raw("actedBy") as string} />
              </span>{" "}
              <span className="text-muted">
                · {at(e.at)} · {e.ip ?? "—"}
              </span>
            </li>
          ))}
        </ul>
      </CardBody>
    </Card>
  );
}
