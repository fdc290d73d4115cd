import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
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

export async function generateMetadata(): Promise<Metadata> {
  const t = await getTranslations("admin.users");
  return { title: t("title") };
}

const PAGE_SIZE = 25;

export default async function AdminUsersPage({ searchParams }: { searchParams: SearchParams }) {
  const { user: viewer } = await requireUser();
  const params = await searchParams;
  const { search, refused } = readUserSearch(params);
  const [result, roles, t, locale] = await Promise.all([
    searchUsers({ ...search, pageSize: PAGE_SIZE }),
    roleGrants(),
    getTranslations("admin.users"),
    getLocale(),
  ]);
  const roleNames = roles.map((r) => r.name);
  const hrefAt = (cursor: string | null): string | null => (cursor ? usersHref(search, cursor) : null);
  const { key, count } = summaryOf(search, result.total);
  const summary = t(`summary.${key}`, { count });
  return (
    <div className="page-width space-y-6 py-8 md:py-12">
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-2xl font-semibold tracking-tight">{t("title")}</h1>
          <p className="mt-1 text-sm text-muted">{summary}.</p>
        </div>
        <a href={exportHref(search)} className="text-sm font-medium underline underline-offset-2" download>
          {t("export")}
        </a>
      </div>
      {firstParam(params.done) === "delete" ? (
        <Alert tone="success" testId="admin-notice">
          {t("deleted")}
        </Alert>
      ) : null}
      {result.cursorRefused || refused.length ? (
        <Alert tone="warning" testId="cursor-refused">
          {refused.length ? `${t("refused", { names: refused.join(", ") })} ` : ""}
          {result.cursorRefused ? t("cursorRefused") : ""}
        </Alert>
      ) : null}
      <Card>
        <CardHeader title={search.query ? t("search") : t("all")} />
        <CardBody>
          <SearchForm search={search} roles={roleNames} />
          <UsersTable
            zone={viewer.timeZone}
            locale={locale}
            users={result.users}
            caption={search.query ? t("caption", { field: search.field, query: search.query }) : t("title")}
          />
          {result.users.length === 0 ? <p className="py-4 text-sm text-muted">{t("empty")}</p> : null}
          <div className="mt-4">
            <Pagination summary={summary} previousHref={hrefAt(result.previous)} nextHref={hrefAt(result.next)} />
          </div>
        </CardBody>
      </Card>
    </div>
  );
}
