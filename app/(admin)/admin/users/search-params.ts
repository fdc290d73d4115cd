import { SEARCH_FIELDS, SEARCH_MAX_LENGTH, type SearchField, type UserSearchPage } from "@/lib/security/accounts/user-search";
import { FLAG_FILTERS, isRoleName, type FlagFilter, type UserFilters } from "@/lib/security/accounts/user-filters";
import { DIRECTIONS, SORTS, type Direction, type Sort } from "@/lib/security/accounts/user-list-order";

export interface UsersQuery {
  query?: string;
  field: SearchField;
  filters: UserFilters;
  sort: Sort;
  direction: Direction;
  cursor?: string;
}

/** The URL names of the flag filters (short, readable in a bookmark). */
export const FLAG_PARAMS: Record<FlagFilter, string> = { active: "active", confirmed: "confirmed", twoFactor: "tf", passkey: "passkey", locked: "locked" };

type Params = Record<string, string | string[] | undefined>;

const first = (value: string | string[] | undefined): string | undefined => (Array.isArray(value) ? value[0] : value);

/**
 * The list's URL parameters as the search reads them. Anything it cannot read (an unknown field,
 * sort or filter value, a role name that cannot exist) is dropped and named in `refused`, so the
 * page says so and shows the first page of what it could read, never a 500.
 */
export function readUserSearch(params: Params): { search: UsersQuery; refused: string[] } {
  const refused: string[] = [];
  const pick = <T extends string>(name: string, allowed: readonly T[], fallback: T): T => {
    const value = first(params[name]);
    const found = allowed.find((a) => a === value);
    if (value !== undefined && value !== "" && !found) refused.push(name);
    return found ?? fallback;
  };
  const filters: UserFilters = {};
  for (const f of FLAG_FILTERS) {
    const value = pick(FLAG_PARAMS[f], ["yes", "no", "any"], "any");
    if (value !== "any") filters[f] = value === "yes";
  }
  const role = first(params.role)?.trim();
  if (role && isRoleName(role)) filters.role = role;
  else if (role) refused.push("role");
  const query = first(params.q)?.trim().slice(0, SEARCH_MAX_LENGTH) || undefined;
  const search: UsersQuery = {
    query,
    field: pick("by", SEARCH_FIELDS, "email"),
    filters,
    sort: pick("sort", SORTS, "created"),
    direction: pick("dir", DIRECTIONS, "asc"),
    cursor: first(params.cursor) || undefined,
  };
  return { search, refused };
}

/** The search as URL parameters, without a cursor unless given: the list, the CSV export and the page links share it. */
export function searchParamsOf(search: UsersQuery, cursor?: string): URLSearchParams {
  const params = new URLSearchParams();
  if (search.query) params.set("q", search.query);
  if (search.query) params.set("by", search.field);
  for (const f of FLAG_FILTERS) {
    const value = search.filters[f];
    if (value !== undefined) params.set(FLAG_PARAMS[f], value ? "yes" : "no");
  }
  if (search.filters.role) params.set("role", search.filters.role);
  if (search.sort !== "created") params.set("sort", search.sort);
  if (search.direction !== "asc") params.set("dir", search.direction);
  if (cursor) params.set("cursor", cursor);
  return params;
}

export function usersHref(search: UsersQuery, cursor: string): string {
  return `/admin/users?${searchParamsOf(search, cursor).toString()}`;
}

export function exportHref(search: UsersQuery): string {
  const params = searchParamsOf(search).toString();
  return `/admin/users/export${params ? `?${params}` : ""}`;
}

/** Which summary the list shows and its number; the page words it (admin.users.summary) in its language. */
export function summaryOf(search: UsersQuery, total: UserSearchPage["total"]): { key: "moreThan" | "matches" | "accounts" | "about"; count: number } {
  const count = total.value;
  if (search.query || Object.keys(search.filters).length) return { key: total.atLeast ? "moreThan" : "matches", count };
  return { key: total.exact ? "accounts" : "about", count };
}
