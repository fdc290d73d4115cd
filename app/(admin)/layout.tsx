import { getTranslations } from "next-intl/server";
import type { ReactNode } from "react";
import { SiteChrome } from "@/app/site-chrome";
import { AdminNav, type AdminNavItem } from "@/components/admin-nav";
import { ROLES_WRITE, USERS_READ, USERS_WRITE } from "@/lib/security/core/console-permissions";
import { requireUser } from "@/lib/security/sessions/guards";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { authorization } = await requireUser();
  const t = await getTranslations("admin.nav");
  const may = (permission: string): boolean => authorization.permissions.includes(permission);
  const items: AdminNavItem[] = [
    { href: "/admin/users", label: t("users") },
    ...(may(ROLES_WRITE) ? [{ href: "/admin/roles", label: t("roles") }] : []),
    ...(may(USERS_WRITE) ? [{ href: "/admin/rescue", label: t("rescue") }] : []),
    ...(may(USERS_READ) ? [{ href: "/admin/deliveries", label: t("deliveries") }] : []),
  ];
  return (
    <SiteChrome>
      <div className="page-width pt-6">
        <AdminNav items={items} label={t("label")} />
      </div>
      {children}
    </SiteChrome>
  );
}
