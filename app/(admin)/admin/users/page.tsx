import type { Metadata } from "next";
import { Alert } from "@/components/ui/alert";
import { Card, CardBody, CardHeader } from "@/components/ui/card";
import { Pagination } from "@/components/ui/pagination";
import { firstParam, type SearchParams } from "@/lib/view/notices";
import { requireUser } from "@/lib/security/sessions/guards";
import { searchUsers } from "@/lib/security/accounts/user-search";
import { roleGrants } from "@/lib/security/accounts/roles";
import { exportHref, readUserSearch, summaryOf, usersHref } from "./search-params";
import { SearchForm } from "./search-form";
import { UsersTable } from "./users-table";

export const metadata: Metadata = { title: "Users" };

const PAGE_SIZE = 25;

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const { user: viewer } = await requireUser();
  const params = await searchParams;
  const { search, refused } = readUserSearch(params);
  const [result, roles] = await Promise.all([searchUsers({ ...search, pageSize: PAGE_SIZE }), roleGrants()]);
  const roleNames = roles.map((r) => r.name);
  const hrefAt = (cursor: string | null): string | null => (cursor ? usersHref(search, cursor) : null);
  const summary = summaryOf(search, result.total);
  return (
    <div className="page-width space-y-6 py-8 md:py-12">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">Users</h1>
          <p className="mt-1 text-sm text-muted">{summary}.</p>
        </div>
        <a href={exportHref(search)} className="text-sm font-medium underline underline-offset-2" download>
          Export these users as CSV
        </a>
      </div>
      {firstParam(params.done) === "delete" ? (
        <Alert tone="success" testId="admin-notice">
          The account was deleted.
        </Alert>
      ) : null}
      {result.cursorRefused || refused.length ? (
        <Alert tone="warning" testId="cursor-refused">
          {refused.length ? `Ignored what could not be read in the link (${refused.join(", ")}). ` : ""}
          {result.cursorRefused ? "That page link could not be read (it may have been edited or cut short), so this is the first page." : ""}
        </Alert>
      ) : null}
      <Card>
        <CardHeader title={search.query ? "Search" : "All users"} />
        <CardBody>
          <SearchForm search={search} roles={roleNames} />
          <UsersTable
            zone={viewer.timeZone}
            users={result.users}
            caption={search.query ? `Users whose ${search.field} starts with “${search.query}”` : "Users"}
          />
          {result.users.length === 0 ? <p className="py-4 text-sm text-muted">No users match.</p> : null}
          <div className="mt-4">
            <Pagination summary={summary} previousHref={hrefAt(result.previous)} nextHref={hrefAt(result.next)} />
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
