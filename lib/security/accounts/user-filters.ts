import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { tables } from "@/lib/db";
import { MAX_CONSECUTIVE_FAILURES } from "../core/rate-limit-policies";

/**
 * The admin list's filters (issue #14): each is yes, no or absent, and the role a name. They only
 * narrow the rows; the order and its keyset stay those of user-list-order.ts. The rare states
 * (disabled, unconfirmed, locked) have partial indexes (migrations 0010, 0012), so a page of them does
 * not walk a million rows; so do two-factor and passkey holders, through columns of users that
 * triggers keep (decision 054). A role is read from user_roles itself, which holds a copy of each
 * holder's order keys (decision 058): user-search.ts drives the page from there; the EXISTS below is
 * left for the one order user_roles has no copy of (a username search).
 */
export const FLAG_FILTERS = ["active", "confirmed", "twoFactor", "passkey", "locked"] as const;
export type FlagFilter = (typeof FLAG_FILTERS)[number];
export type UserFilters = Partial<Record<FlagFilter, boolean>> & { role?: string };

/** The role names a filter may carry: the roles module's own pattern, so anything else is not a role. */
const ROLE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;

export function isRoleName(value: string): boolean {
  return ROLE_NAME.test(value);
}

function flag(condition: SQL, wanted: boolean | undefined): SQL | null {
  if (wanted === undefined) return null;
  return wanted ? condition : sql`not (${condition})`;
}

/** The role the filter names, or null (no role, or not a role name: it then filters nothing). */
export function roleFilter(filters: UserFilters): string | null {
  return filters.role !== undefined && isRoleName(filters.role) ? filters.role : null;
}

export function filterConditions(filters: UserFilters): SQL[] {
  const u = tables.users;
  const conditions = [
    flag(sql`${u.active}`, filters.active),
    flag(sql`${u.confirmedAt} is not null`, filters.confirmed),
    // A literal, not a parameter: only then can the planner use the partial index of locked accounts.
    flag(sql`${u.failedLoginCount} >= ${sql.raw(String(MAX_CONSECUTIVE_FAILURES))}`, filters.locked),
    // Trigger-kept copies of two_factor and webauthn_credentials (migration 0012, decision 054): unlike
    // an EXISTS, a column can have partial indexes, so a page of them never walks the accounts without.
    flag(sql`${u.twoFactorOn}`, filters.twoFactor),
    flag(sql`${u.passkeyCount} > 0`, filters.passkey),
    roleFilter(filters) !== null
      ? sql`exists (select 1 from user_roles ur join roles r on r.id = ur.role_id where ur.user_id = ${u.id} and r.name = ${filters.role})`
      : null,
  ];
  return conditions.filter((c): c is SQL => c !== null);
}
