import type { ReactNode } from "react";
import { SiteChrome } from "@/app/site-chrome";
import { AdminNav, type AdminNavItem } from "@/components/admin-nav";
import { ROLES_WRITE, USERS_READ, USERS_WRITE } from "@/lib/security/core/console-permissions";
import { requireUser } from "@/lib/security/sessions/guards";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { authorization } = await requireUser();
  const may = (permission: string): boolean => authorization.permissions.includes(permission);
  const items: AdminNavItem[] = [
    { href: "/admin/users", label: "Users" },
    ...(may(ROLES_WRITE) ? [{ href: "/admin/roles", label: "Roles" }] : []),
    ...(may(USERS_WRITE) ? [{ href: "/admin/rescue", label: "Rescue requests" }] : []),
    ...(may(USERS_READ) ? [{ href: "/admin/deliveries", label: "Deliveries" }] : []),
  ];
  return (
    <SiteChrome>
      <div className="page-width pt-6">
        <AdminNav items={items} />
      </div>
      {children}
    </SiteChrome>
  );
}
