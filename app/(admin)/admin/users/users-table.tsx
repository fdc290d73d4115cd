import Link from "next/link";
import { Badge } from "@/components/ui/badge";
import { formatDateTime } from "@/lib/view/format";
import type { ListedUser } from "@/lib/security/accounts/user-search";

/** On phones two columns: the email (with roles and last sign-in under it) and the status; the rest needs a wider screen. */
const COLUMNS: ReadonlyArray<{ name: string; phone: boolean }> = [
  { name: "Email", phone: true },
  { name: "Username", phone: false },
  { name: "Status", phone: true },
  { name: "Roles", phone: false },
  { name: "Created", phone: false },
  { name: "Last sign-in", phone: false },
];
const WIDE_ONLY = "max-sm:hidden";

/** Times are in the viewer's time zone (`zone`, the administrator's own; null: UTC). */
export function UsersTable({ users, caption, zone }: { users: ListedUser[]; caption: string; zone: string | null }) {
  return (
    // Still wider than a small phone: a scroll region of its own, reachable from the keyboard.
    <div className="overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full text-left text-sm sm:min-w-[640px]" data-testid="users-table">
        <caption className="sr-only">{caption}</caption>
        <thead className="text-muted">
          <tr>
            {COLUMNS.map(({ name, phone }) => (
              <th key={name} scope="col" className={phone ? "px-2 py-2 font-medium" : `px-2 py-2 font-medium ${WIDE_ONLY}`}>
                {name}
              </th>
            ))}
          </tr>
        </thead>
        <tbody className="divide-y divide-border">
          {users.map((u) => (
            <tr key={u.id}>
              <td className="max-w-[14rem] truncate px-2 py-2 font-medium sm:max-w-[18rem]">
                <Link href={`/admin/users/${u.id}`} className="underline-offset-2 hover:underline">
                  {u.email}
                </Link>
                <span className="block truncate text-xs font-normal text-muted sm:hidden">
                  {[u.roles.join(", "), u.lastLoginAt ? `Last sign-in ${formatDateTime(u.lastLoginAt, zone)}` : "Never signed in"].filter(Boolean).join(" · ")}
                </span>
              </td>
              <td className={`max-w-[10rem] truncate px-2 py-2 ${WIDE_ONLY}`}>{u.username ?? "—"}</td>
              <td className="px-2 py-2">
                {!u.active ? (
                  <Badge tone="danger">Disabled</Badge>
                ) : u.confirmedAt ? (
                  <Badge tone="success">Active</Badge>
                ) : (
                  <Badge tone="warning">Unconfirmed</Badge>
                )}
              </td>
              <td className={`px-2 py-2 ${WIDE_ONLY}`}>{u.roles.length ? u.roles.join(", ") : "—"}</td>
              <td className={`px-2 py-2 whitespace-nowrap ${WIDE_ONLY}`}>{formatDateTime(u.createdAt, zone)}</td>
              <td className={`px-2 py-2 whitespace-nowrap ${WIDE_ONLY}`}>{u.lastLoginAt ? formatDateTime(u.lastLoginAt, zone) : "Never"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
