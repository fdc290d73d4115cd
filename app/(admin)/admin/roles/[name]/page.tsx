import type { Metadata } from "next";
import { getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { findRole, listRoles, rolesRequiredByConfig } from "@/lib/security/accounts/roles";
import { requireUser } from "@/lib/security/sessions/guards";
import { deleteRoleAction, removePermissionAction } from "../actions";
import { AddPermissionsForm, DescribeRoleForm, RenameRoleForm } from "../role-forms";
import { roleFormWords } from "../role-words";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.role");
  return { title: t("title") };
}

export default async function AdminRolePage({ params }: { params: Promise<{ name: string }> }) {
  await requireUser();
  const role = await findRole((await params).name);
  if (!role) notFound();
  const users = (await listRoles()).find((r) => r.id === role.id)?.users ?? 0;
  const required = rolesRequiredByConfig().includes(role.name);
  const [t, words] = await Promise.all([getTranslations("admin.role"), roleFormWords()]);
  return (
    <div className="page-width space-y-6 py-6 md:py-8 *:max-w-3xl">
      <div>
        <Link href="/admin/roles" className="text-sm text-muted underline-offset-2 hover:underline">
          {t("back")}
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{role.name}</h1>
        <p className="mt-1 text-sm text-muted">
          {t.rich("holders", {
            count: users,
            link: (chunks) => (
              <Link href={`/admin/users?role=${encodeURIComponent(role.name)}`} className="underline underline-offset-2">
                {chunks}
              </Link>
            ),
          })}
        </p>
      </div>
      {required ? (
        <Alert tone="info" testId="role-required">
          {t.rich("required", {
            admin: "SECURITY_ADMIN_ROLE",
            twoFactor: "SECURITY_TWO_FACTOR_REQUIRED_ROLES",
            code: (chunks) => <code className="break-all">{chunks}</code>,
          })}
        </Alert>
      ) : null}
      <Card>
        <CardHeader title={t("permissions.title")} description={t("permissions.description")} />
        <CardBody className="space-y-5">
          <ul className="flex flex-wrap gap-2" data-testid="role-permissions">
            {role.permissions.map((permission) => (
              <li key={permission} className="flex items-center gap-1 rounded-md bg-subtle py-0.5 ps-2 pe-0.5 text-sm">
                <code>{permission}</code>
                <ActionForm
                  action={removePermissionAction}
                  submitLabel={t("permissions.remove")}
                  variant="ghost"
                  label={t("permissions.removeLabel", { permission })}
                  hidden={{ role: role.name, permission }}
                  className="flex"
                />
              </li>
            ))}
            {role.permissions.length === 0 ? <li className="text-sm text-muted">{t("permissions.none")}</li> : null}
          </ul>
          <AddPermissionsForm role={role.name} words={words} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("nameAndDescription")} />
        <CardBody className="space-y-6">
          {required ? null : <RenameRoleForm role={role.name} words={words} />}
          <DescribeRoleForm role={role.name} description={role.description ?? ""} words={words} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("delete.title")} description={t("delete.description")} />
        <CardBody>
          <ActionForm
            action={deleteRoleAction}
            submitLabel={t("delete.submit", { role: role.name })}
            variant="danger"
            label={t("delete.label")}
            hidden={{ role: role.name }}
          />
        </CardBody>
      </Card>
    </div>
  );
}
