import { SEARCH_FIELDS, SEARCH_MAX_LENGTH, type SearchField, type UserSearchPage } from "@/lib/security/accounts/user-search";

export interface UsersQuery {
  query?: string;
  field: SearchField;
  cursor?: string;
}

/** The list's URL parameters as the search reads them: an unknown field is email, an overlong query is cut. */
export function readUserSearch(params: { q?: string; by?: string; cursor?: string }): UsersQuery {
  const field = SEARCH_FIELDS.find((f) => f === params.by) ?? "email";
  const query = params.q?.trim().slice(0, SEARCH_MAX_LENGTH) || undefined;
  return { query, field, cursor: params.cursor || undefined };
}

export function usersHref(search: UsersQuery, cursor: string): string {
  const params = new URLSearchParams();
  if (search.query) params.set("q", search.query);
  if (search.query) params.set("by", search.field);
  params.set("cursor", cursor);
  return `/admin/users?${params.toString()}`;
}

export function summaryOf(search: UsersQuery, total: UserSearchPage["total"]): string {
  const n = total.value.toLocaleString("en-US");
  if (search.query) return total.atLeast ? `More than ${n} matches` : `${n} match${total.value === 1 ? "" : "es"}`;
  return total.exact ? `${n} account${total.value === 1 ? "" : "s"}` : `About ${n} accounts`;
}
