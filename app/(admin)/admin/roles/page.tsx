import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { Link } from "@/components/ui/link";
import { NoticeBanner } from "@/components/notice-banner";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { listRoles, rolesRequiredByConfig } from "@/lib/security/accounts/roles";
import { requireUser } from "@/lib/security/sessions/guards";
import { noticeFrom, type SearchParams } from "@/lib/view/notices";
import { CreateRoleForm } from "./role-forms";
import { roleFormWords } from "./role-words";

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.roles");
  return { title: t("title") };
}

export default async function AdminRolesPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser();
  const [roles, notice] = [await listRoles(), noticeFrom((await searchParams).notice, undefined, await getLocale())];
  const required = rolesRequiredByConfig();
  const [t, words] = await Promise.all([getTranslations("admin.roles"), roleFormWords()]);
  return (
    <div className="page-width space-y-6 py-6 md:py-8">
      <NoticeBanner notice={notice} />
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
        <p className="mt-1 text-sm text-muted">{t("intro")}</p>
      </div>
      <Card>
        <CardHeader title={t("count", { count: roles.length })} />
        <CardBody>
          <div className="-mx-5 overflow-x-auto sm:-mx-6">
            <table className="w-full min-w-[36rem] text-start text-sm" data-testid="roles-table">
              <caption className="sr-only">{t("caption")}</caption>
              <thead className="border-b border-border text-muted">
                <tr>
                  <th scope="col" className="px-5 py-2 font-medium sm:px-6">
                    {t("columns.role")}
                  </th>
                  <th scope="col" className="px-3 py-2 font-medium">
                    {t("columns.permissions")}
                  </th>
                  <th scope="col" className="px-5 py-2 text-end font-medium sm:px-6">
                    {t("columns.users")}
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {roles.map((role) => (
                  <tr key={role.id}>
                    <td className="px-5 py-3 align-top sm:px-6">
                      <Link href={`/admin/roles/${encodeURIComponent(role.name)}`} className="font-medium text-accent underline-offset-2 hover:underline">
                        {role.name}
                      </Link>
                      {required.includes(role.name) ? <Badge className="ms-2">{t("setByConfig")}</Badge> : null}
                      {role.description ? <p className="mt-0.5 text-muted">{role.description}</p> : null}
                    </td>
                    <td className="px-3 py-3 align-top">
                      <div className="flex flex-wrap gap-1">
                        {role.permissions.length ? (
                          role.permissions.map((p) => (
                            <Badge key={p} tone="accent">
                              {p}
                            </Badge>
                          ))
                        ) : (
                          <span className="text-muted">{t("noPermissions")}</span>
                        )}
                      </div>
                    </td>
                    <td className="px-5 py-3 text-end align-top tabular-nums sm:px-6">
                      <Link
                        href={`/admin/users?role=${encodeURIComponent(role.name)}`}
                        className="underline-offset-2 hover:underline"
                        aria-label={t("holders", { count: role.users, role: role.name })}
                      >
                        {role.users}
                      </Link>
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {roles.length === 0 ? <p className="py-4 text-sm text-muted">{t("empty")}</p> : null}
        </CardBody>
      </Card>
      <Card>
        <CardHeader title={t("new")} />
        <CardBody>
          <CreateRoleForm words={words} />
        </CardBody>
      </Card>
    </div>
  );
}
