import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { Alert } from "@/components/ui/alert";
import { firstParam, type SearchParams } from "@/lib/view/notices";
import { isErrorCode } from "@/lib/security/core/errors";
import { textFor } from "@/lib/view/text";
import { requireUser } from "@/lib/security/sessions/guards";
import { USERS_IMPERSONATE } from "@/lib/security/core/console-permissions";
import { holdsConsoleAccess, mayChangeAccount, mayChangeRole } from "@/lib/security/accounts/console-access";
import { roleGrants } from "@/lib/security/accounts/roles";
import { getAuthorization } from "@/lib/security/accounts/users";
import { ADMIN_ACTIONS, DESTRUCTIVE_ACTIONS } from "@/lib/security/lifecycle/admin-actions";
import { loadAdminUserView } from "@/lib/security/lifecycle/admin-user-view";
import { ViewAsButton } from "../../impersonation/view-as-button";
import { ActionButton } from "./action-button";
import { ConfirmStep } from "./confirm-step";
import { ActivityCard, FactorsCard, ProfileCard, RolesCard, SessionsCard } from "./sections";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.user");
  return { title: t("title") };
}

export default async function AdminUserPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: SearchParams }) {
  const { user: viewer, authorization: viewerAccess } = await requireUser();
  const [{ id }, query] = await Promise.all([params, searchParams]);
  const [view, catalogue] = await Promise.all([loadAdminUserView(id), roleGrants()]);
  if (!view) notFound();
  // What this admin may do here (decision 057); the actions check it again.
  const targetAccess = await getAuthorization(view.user.id);
  const changeable = mayChangeAccount({ ...viewerAccess, id: viewer.id }, { ...targetAccess, id: view.user.id });
  const assignable = catalogue.filter((r) => !view.roles.includes(r.name) && mayChangeRole(viewerAccess, r, "add")).map((r) => r.name);
  const mayViewAs = viewerAccess.permissions.includes(USERS_IMPERSONATE) && view.user.active && viewer.id !== view.user.id && !holdsConsoleAccess(targetAccess);
  const done = ADMIN_ACTIONS.find((a) => a === firstParam(query.done));
  const failed = firstParam(query.failed);
  const confirm = ADMIN_ACTIONS.find((a) => a === firstParam(query.confirm) && DESTRUCTIVE_ACTIONS.has(a));
  const item = firstParam(query.item)?.slice(0, 64);
  const [t, locale] = await Promise.all([getTranslations("admin.user"), getLocale()]);
  return (
    <div className="page-width space-y-6 py-8 md:py-12">
      <div>
        <Link href="/admin/users" className="text-sm text-muted underline-offset-2 hover:underline">
          {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight break-all">{view.user.email}</h1>
      </div>
      {done ? (
        <Alert tone="success" testId="admin-notice">
          {t(`done.${done}`)}
        </Alert>
      ) : null}
      {failed && isErrorCode(failed) ? (
        <Alert tone="error" testId="admin-notice">
          {textFor(failed, undefined, locale)}
        </Alert>
      ) : null}
      {confirm && changeable ? <ConfirmStep userId={view.user.id} action={confirm} item={item} /> : null}
      {changeable ? null : (
        <Alert tone="info" testId="admin-reach">
          {textFor("ADMIN_REQUIRED", undefined, locale)}
        </Alert>
      )}
      {mayViewAs ? <ViewAsButton userId={view.user.id} email={view.user.email} /> : null}
      {changeable ? (
        <div className="flex flex-wrap gap-2" aria-label={t("actions.label")} role="group">
          {view.user.active ? (
            <ActionButton userId={id} action="deactivate" label={t("actions.deactivate")} />
          ) : (
            <ActionButton userId={id} action="activate" label={t("actions.activate")} />
          )}
          {view.user.confirmedAt ? null : <ActionButton userId={id} action="confirm-email" label={t("actions.confirm-email")} />}
          {view.user.locked ? <ActionButton userId={id} action="unlock" label={t("actions.unlock")} /> : null}
          <ActionButton userId={id} action="reset-access" label={t("actions.reset-access")} />
          <ActionButton userId={id} action="set-password" label={t("actions.set-password")} />
          <ActionButton userId={id} action="send-reset-link" label={t("actions.send-reset-link")} />
          <ActionButton userId={id} action="delete" label={t("actions.delete")} variant="danger" />
        </div>
      ) : null}
      <ProfileCard view={view} zone={viewer.timeZone} locale={locale} />
      <RolesCard view={view} assignable={assignable} changeable={changeable} />
      <FactorsCard view={view} changeable={changeable} zone={viewer.timeZone} locale={locale} />
      <SessionsCard view={view} changeable={changeable} zone={viewer.timeZone} locale={locale} />
      <ActivityCard view={view} zone={viewer.timeZone} locale={locale} />
    </div>
  );
}
