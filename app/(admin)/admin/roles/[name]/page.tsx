import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/forms/action-form";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { findRole, listRoles, rolesRequiredByConfig } from "@/lib/security/accounts/roles";
import { requireUser } from "@/lib/security/sessions/guards";
import { deleteRoleAction, removePermissionAction } from "../actions";
import { AddPermissionsForm, DescribeRoleForm, RenameRoleForm } from "../role-forms";

export const metadata: Metadata = { title: "Role" };

export default async function AdminRolePage({ params }: { params: Promise<{ name: string }> }) {
  await requireUser();
  const role = await findRole((await params).name);
  if (!role) notFound();
  const users = (await listRoles()).find((r) => r.id === role.id)?.users ?? 0;
  const required = rolesRequiredByConfig().includes(role.name);
  return (
    <div className="page-width space-y-6 py-6 md:py-8 *:max-w-3xl">
      <div>
        <Link href="/admin/roles" className="text-sm text-muted underline-offset-2 hover:underline">
          ← All roles
        </Link>
        <h1 className="mt-2 text-2xl font-semibold tracking-tight">{role.name}</h1>
        <p className="mt-1 text-sm text-muted">
          <Link href={`/admin/users?role=${encodeURIComponent(role.name)}`} className="underline underline-offset-2">
            {users} user{users === 1 ? "" : "s"}
          </Link>{" "}
          hold this role.
        </p>
      </div>
      {required ? (
        <Alert tone="info" testId="role-required">
          The configuration names this role (<code className="break-all">SECURITY_ADMIN_ROLE</code> or{" "}
          <code className="break-all">SECURITY_TWO_FACTOR_REQUIRED_ROLES</code>): it cannot be renamed or deleted here. Its description and permissions can
          change.
        </Alert>
      ) : null}
      <Card>
        <CardHeader title="Permissions" description="What holders of this role may do, checked by the route table and requireUser()." />
        <CardBody className="space-y-5">
          <ul className="flex flex-wrap gap-2" data-testid="role-permissions">
            {role.permissions.map((permission) => (
              <li key={permission} className="flex items-center gap-1 rounded-md bg-subtle py-0.5 pr-0.5 pl-2 text-sm">
                <code>{permission}</code>
                <ActionForm
                  action={removePermissionAction}
                  submitLabel="Remove"
                  variant="ghost"
                  label={`Remove ${permission}`}
                  hidden={{ role: role.name, permission }}
                  className="flex"
                />
              </li>
            ))}
            {role.permissions.length === 0 ? <li className="text-sm text-muted">No permissions.</li> : null}
          </ul>
          <AddPermissionsForm role={role.name} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Name and description" />
        <CardBody className="space-y-6">
          {required ? null : <RenameRoleForm role={role.name} />}
          <DescribeRoleForm role={role.name} description={role.description ?? ""} />
        </CardBody>
      </Card>
      <Card>
        <CardHeader title="Delete this role" description="Every account that holds it loses it; each of them logs the change." />
        <CardBody>
          <ActionForm action={deleteRoleAction} submitLabel={`Delete ${role.name}`} variant="danger" label="Delete the role" hidden={{ role: role.name }} />
        </CardBody>
      </Card>
    </div>
  );
}
