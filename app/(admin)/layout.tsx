import type { ReactNode } from "react";
import { AdminNav, type AdminNavItem } from "@/components/admin-nav";
import { CONSOLE_PERMISSIONS } from "@/lib/security/accounts/console-permissions";
import { requireUser } from "@/lib/security/sessions/guards";

export default async function AdminLayout({ children }: { children: ReactNode }) {
  const { authorization } = await requireUser();
  const may = (permission: string): boolean => authorization.permissions.includes(permission);
  const items: AdminNavItem[] = [
    { href: "/admin/users", label: "Users" },
    ...(may(CONSOLE_PERMISSIONS.rolesWrite) ? [{ href: "/admin/roles", label: "Roles" }] : []),
    ...(may(CONSOLE_PERMISSIONS.usersWrite) ? [{ href: "/admin/rescue", label: "Rescue requests" }] : []),
  ];
  return (
    <>
      <div className="mx-auto w-full max-w-6xl px-4 pt-6 sm:px-6">
        <AdminNav items={items} />
      </div>
      {children}
    </>
  );
}
