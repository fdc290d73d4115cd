import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/view/format";
import type { ListedUser } from "@/lib/security/accounts/user-search";

const COLUMNS = ["Email", "Username", "Status", "Roles", "Created", "Last sign-in"];

export function UsersTable({ users, caption }: { users: ListedUser[]; caption: string }) {
  return (
    <div className="-mx-2 overflow-x-auto">
      <table className="w-full min-w-[640px] text-left text-sm" data-testid="users-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-muted">
          <tr>
            {COLUMNS.map((name) => (
              <th key={name} scope="col" className="px-2 py-2 font-medium">
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {users.map((u) => (
            <tr key={u.id}>
              <td className="max-w-[18rem] truncate px-2 py-2 font-medium">
                <Link href={`/admin/users/${u.id}`} className="underline-offset-2 hover:underline">
                  {u.email}
                </Link>
              </td>
              <td className="max-w-[10rem] truncate px-2 py-2">{u.username ?? "—"}</td>
              <td className="px-2 py-2">
                {!u.active ? (
                  <Badge tone="danger">Disabled</Badge>
                ) : u.confirmedAt ? (
                  <Badge tone="success">Active</Badge>
                ) : (
                  <Badge tone="warning">Unconfirmed</Badge>
                )}
              </td>
              <td className="px-2 py-2">{u.roles.length ? u.roles.join(", ") : "—"}</td>
              <td className="px-2 py-2 whitespace-nowrap">{formatDateTime(u.createdAt)}</td>
              <td className="px-2 py-2 whitespace-nowrap">{u.lastLoginAt ? formatDateTime(u.lastLoginAt) : "Never"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
