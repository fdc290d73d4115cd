import "server-only";
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { normalizeEmail, normalizeUsername } from "./identity";
import { filterConditions, roleFilter, type UserFilters } from "./user-filters";
import {
  beyond,
  decodeCursor,
  encodeCursor,
  keyText,
  orderExpression,
  orderId,
  roleOrdered,
  type Cursor,
  type Direction,
  type OrderKey,
  type OrderSource,
  type Sort,
} from "./user-list-order";
import { toPublicUser, type PublicUser } from "./users";

/**
 * The admin console's user list and search (issue #14's first part), fast at any size: keyset
 * pagination (each page starts where the last one ended, read from an index, never OFFSET's
 * walk over the rows before it) and an estimated total instead of count(*) over the table
 * (docs/scaling.md has the plans and the numbers at 1 M users).
 *
 * Without a search the list is in the order asked for (user-list-order.ts: sign-up by default, email,
 * last sign-in; either direction), narrowed by the filters of user-filters.ts. A search is a prefix of the
 * normalised email, username or phone, case-insensitive (the columns are stored lower-cased) and
 * in that column's order, so the prefix and the page come from one range of one index: the
 * `collate "C"` indexes of migration 0006, which a LIKE prefix can use whatever the database's
 * locale (with the default collation only `=` can use an index).
 */
export const SEARCH_FIELDS = ["email", "username", "phone"] as const;
export type SearchField = (typeof SEARCH_FIELDS)[number];
export type ListedUser = PublicUser & { roles: string[] };

export interface UserSearch {
  query?: string;
  field?: SearchField;
  filters?: UserFilters;
  sort?: Sort;
  direction?: Direction;
  cursor?: string;
  pageSize: number;
}

export interface UserSearchPage {
  users: ListedUser[];
  /** Opaque cursors for the neighbouring pages; null at either end. */
  next: string | null;
  previous: string | null;
  /** Exact under ESTIMATE_FROM rows (or matches up to COUNT_MATCHES_UP_TO), else PostgreSQL's estimate. */
  total: { value: number; exact: boolean; atLeast?: boolean };
  /** The cursor given could not be read (edited, truncated, from another search): this is the first page. */
  cursorRefused: boolean;
  /** The order the rows are in: a search by email or username is in that column's. */
  order: { key: OrderKey; direction: Direction };
}

/** Over this many users the planner's estimate replaces count(*) (a full scan: 0.41 s at 1 M rows). */
const ESTIMATE_FROM = 10_000;
/** A search's matches are counted up to this, then shown as "1,000+". */
const COUNT_MATCHES_UP_TO = 1_000;
/** The longest a search may be: an email address (RFC 5321) is at most 254 characters. */
export const SEARCH_MAX_LENGTH = 254;

/** The prefix as the column stores it, or null when nothing searchable is left. */
function normalizedPrefix(field: SearchField, query: string): string | null {
  const text = query.trim();
  if (!text) return null;
  if (field === "phone") {
    // E.164 is stored: "+" and digits. What people type around them (spaces, dashes, brackets) goes.
    const digits = text.replace(/[^\d]/g, "");
    return digits ? `+${digits}` : null;
  }
  return field === "email" ? normalizeEmail(text) : normalizeUsername(text);
}

// LIKE's own characters in a prefix match themselves.
const likePrefix = (prefix: string): string => `${prefix.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

export async function searchUsers(search: UserSearch): Promise<UserSearchPage> {
  const field = search.field ?? "email";
  // PostgreSQL's text holds neither NUL nor a lone surrogate: such a search would be a 500, not a miss.
  const query = (search.query ?? "")
    .slice(0, SEARCH_MAX_LENGTH)
    .toWellFormed()
    .replace(/\u0000/g, "");
  const prefix = normalizedPrefix(field, query);
  const direction = search.direction ?? "asc";
  const key = orderKeyOf(prefix === null ? null : field, search.sort ?? "created");
  const cursor = decodeCursor(search.cursor, key, direction);
  const cursorRefused = Boolean(search.cursor) && cursor === null;
  const backwards = cursor?.d === "before";
  // Read backwards, a descending list is an ascending walk (and the other way round).
  const descending = (direction === "desc") !== backwards;
  // A role's holders are read from user_roles, in its copy of the order's key (decision 058): the
  // page is one range of a (role, key, user) index, where users' own index would walk every account
  // before the first holder. Other filters then narrow the joined users rows.
  const role = roleFilter(search.filters ?? {});
  const source: OrderSource = role !== null && roleOrdered(key) ? "user_roles" : "users";
  const expression = orderExpression(key, source);
  const id = orderId(source);
  const joined = source === "user_roles";
  const filters = filterConditions(joined ? { ...search.filters, role: undefined } : (search.filters ?? {}));
  const holders = joined ? sql`${tables.userRoles.roleId} = (select r.id from roles r where r.name = ${role})` : undefined;
  const match = and(prefixMatch(prefix === null ? null : field, prefix, expression), holders, ...filters);
  const position = cursor ? beyond(key, expression, cursor, descending, id) : undefined;
  const order = descending ? [desc(expression), desc(id)] : [asc(expression), asc(id)];
  const db = await getDb();
  const select = db
    .select({ user: tables.users, key: keyText(key, expression) })
    .from(tables.users)
    .$dynamic();
  const [rows, total] = await Promise.all([
    (joined ? select.innerJoin(tables.userRoles, holderJoin) : select)
      .where(and(match, position))
      .orderBy(...order)
      .limit(search.pageSize + 1),
    totalOf(match, joined),
  ]);
  const more = rows.length > search.pageSize;
  const page = (more ? rows.slice(0, search.pageSize) : rows).slice();
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const at = (row: (typeof page)[number] | undefined, d: Cursor["d"]): string | null =>
    row ? encodeCursor({ s: key, o: direction, d, v: row.key, id: row.user.id }) : null;
  return {
    users: await withRoles(page.map((r) => r.user)),
    // Going forward there is a next page when a row beyond this one exists; going back, the page we came from is next.
    next: backwards || more ? at(last, "after") : null,
    previous: cursor && (!backwards || more) ? at(first, "before") : null,
    total,
    cursorRefused,
    order: { key, direction },
  };
}

/**
 * An email or username search is in that column's order, whatever sort was asked for: the prefix
 * and the page then come from one range of one index. A phone search finds few users (from the
 * factor tables' phone indexes) and keeps the sort asked for.
 */
function orderKeyOf(searched: SearchField | null, sort: Sort): OrderKey {
  return searched === "email" || searched === "username" ? searched : sort;
}

/** The prefix on the order's own expression (an email or username search is in that column's order), so both are one index range. */
function prefixMatch(field: SearchField | null, prefix: string | null, expression: SQL): SQL | undefined {
  if (field === null || prefix === null) return undefined;
  const pattern = likePrefix(prefix);
  if (field === "phone") {
    // A phone is on an SMS sign-in method or an SMS two-factor method (a user may have both).
    return sql`${tables.users.id} in (select m.user_id from sign_in_methods m where m.phone collate "C" like ${pattern}
        union select f.user_id from two_factor f where f.phone collate "C" like ${pattern})`;
  }
  return sql`${expression} like ${pattern}`;
}

const holderJoin = eq(tables.userRoles.userId, tables.users.id);

/** Matches counted in the page's own source: a rare role's holders come from its index range, not a walk over every account. */
async function totalOf(match: SQL | undefined, joined: boolean): Promise<UserSearchPage["total"]> {
  const db = await getDb();
  if (match) {
    const from = joined ? sql`${tables.users} join ${tables.userRoles} on ${holderJoin}` : sql`${tables.users}`;
    const [row] = await db.select({ n: count() }).from(sql`(select 1 from ${from} where ${match} limit ${COUNT_MATCHES_UP_TO + 1}) as matched`);
    const n = Number(row?.n ?? 0);
    return n > COUNT_MATCHES_UP_TO ? { value: COUNT_MATCHES_UP_TO, exact: false, atLeast: true } : { value: n, exact: true };
  }
  // The planner's row count (kept by autovacuum and ANALYZE); -1 or 0 when the table was never analysed.
  const [estimate] = await db
    .select({ n: sql<number>`reltuples::bigint` })
    .from(sql`pg_class`)
    .where(sql`oid = 'users'::regclass`);
  const estimated = Number(estimate?.n ?? -1);
  if (estimated >= ESTIMATE_FROM) return { value: estimated, exact: false };
  const [row] = await db.select({ n: count() }).from(tables.users);
  return { value: Number(row?.n ?? 0), exact: true };
}

async function withRoles(rows: (typeof tables.users.$inferSelect)[]): Promise<ListedUser[]> {
  if (!rows.length) return [];
  const db = await getDb();
  const roleRows = await db
    .select({ userId: tables.userRoles.userId, name: tables.roles.name })
    .from(tables.userRoles)
    .innerJoin(tables.roles, eq(tables.roles.id, tables.userRoles.roleId))
    .where(
      inArray(
        tables.userRoles.userId,
        rows.map((u) => u.id),
      ),
    );
  return rows.map((u) => ({ ...toPublicUser(u), roles: roleRows.filter((r) => r.userId === u.id).map((r) => r.name) }));
}
