import type { Metadata } from "next";
import { Badge } from "@/components/ui/badge";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { formatDateTime } from "@/lib/view/format";
import { firstParam, type SearchParams } from "@/lib/view/notices";
import { requireUser } from "@/lib/security/sessions/guards";
import { listUsers } from "@/lib/security/accounts/users";

export const metadata: Metadata = { title: "Users" };

const PAGE_SIZE = 25;

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  await requireUser();
  const requested = Number.parseInt(firstParam((await searchParams).page) ?? "1", 10);
  const { users, total, page } = await listUsers(Number.isFinite(requested) ? Math.min(requested, 1_000_000) : 1, PAGE_SIZE);
  return (
    <div className="mx-auto w-full max-w-6xl space-y-6 px-4 py-8 sm:px-6 md:py-12">
      <div>
        <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
        <p className="mt-1 text-sm text-muted">
          {total} account{total === 1 ? "" : "s"}. Read-only.
        </p>
      </div>
      <Card>
        <CardHeader title="All users" />
        <CardBody>
          <div className="-mx-2 overflow-x-auto">
            <table className="w-full min-w-[640px] text-left text-sm" data-testid="users-table">
              <caption className="sr-only">Users, oldest first</caption>
              <thead className="text-muted">
                <tr>
                  <th scope="col" className="px-2 py-2 font-medium">
                    Email
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    Roles
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    Created
                  </th>
                  <th scope="col" className="px-2 py-2 font-medium">
                    Last sign-in
                  </th>
                </tr>
              </thead>
              <tbody className="divide-y divide-border">
                {users.map((u) => (
                  <tr key={u.id}>
                    <td className="max-w-[18rem] truncate px-2 py-2 font-medium">{u.email}</td>
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
          <div className="mt-4">
            <Pagination page={page} pageSize={PAGE_SIZE} total={total} hrefFor={(p) => `/admin/users?page=${p}`} />
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
