import "server-only";
import { and, asc, count, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { getDb, tables } from "@/lib/db";
import { normalizeEmail, normalizeUsername } from "./identity";
import { toPublicUser, type PublicUser } from "./users";

/**
 * The admin console's user list and search (issue #14's first part), fast at any size: keyset
 * pagination (each page starts where the last one ended, read from an index, never OFFSET's
 * walk over the rows before it) and an estimated total instead of count(*) over the table
 * (docs/scaling.md has the plans and the numbers at 1 M users).
 *
 * Without a search the list is in sign-up order, (created_at, id). A search is a prefix of the
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
}

/** Over this many users the planner's estimate replaces count(*) (a full scan: 0.41 s at 1 M rows). */
const ESTIMATE_FROM = 10_000;
/** A search's matches are counted up to this, then shown as "1,000+". */
const COUNT_MATCHES_UP_TO = 1_000;
/** The longest a search may be: an email address (RFC 5321) is at most 254 characters. */
export const SEARCH_MAX_LENGTH = 254;

type SortKey = "created" | SearchField;
const cursorSchema = z.strictObject({
  s: z.enum(["created", ...SEARCH_FIELDS]),
  d: z.enum(["after", "before"]),
  v: z.string().max(SEARCH_MAX_LENGTH + 64),
  id: z.uuid(),
});
type Cursor = z.infer<typeof cursorSchema>;

function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** A cursor this search can use, or null: anything else is refused, never passed to SQL unchecked. */
function decodeCursor(text: string | undefined, sort: SortKey): Cursor | null {
  if (!text || text.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const cursor = cursorSchema.safeParse(parsed);
  if (!cursor.success || cursor.data.s !== sort) return null;
  if (!validKey(sort, cursor.data.v)) return null;
  return cursor.data;
}

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
  const sort: SortKey = prefix === null ? "created" : field;
  const cursor = decodeCursor(search.cursor, sort);
  const cursorRefused = Boolean(search.cursor) && cursor === null;
  const backwards = cursor?.d === "before";
  const db = await getDb();
  const { key, match } = sortAndMatch(sort, prefix);
  const position = cursor
    ? sql`(${key}, ${tables.users.id}) ${sql.raw(backwards ? "<" : ">")} (${cursorValue(sort, cursor.v)}, ${cursor.id}::uuid)`
    : undefined;
  const order = backwards ? [desc(key), desc(tables.users.id)] : [asc(key), asc(tables.users.id)];
  const [rows, total] = await Promise.all([
    db
      .select({ user: tables.users, key: keyText(sort, key) })
      .from(tables.users)
      .where(and(match, position))
      .orderBy(...order)
      .limit(search.pageSize + 1),
    totalOf(match),
  ]);
  const more = rows.length > search.pageSize;
  const page = (more ? rows.slice(0, search.pageSize) : rows).slice();
  if (backwards) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  const at = (row: (typeof page)[number] | undefined, d: Cursor["d"]): string | null =>
    row ? encodeCursor({ s: sort, d, v: row.key, id: row.user.id }) : null;
  return {
    users: await withRoles(page.map((r) => r.user)),
    // Going forward there is a next page when a row beyond this one exists; going back, the page we came from is next.
    next: backwards || more ? at(last, "after") : null,
    previous: cursor && (!backwards || more) ? at(first, "before") : null,
    total,
    cursorRefused,
  };
}

function sortAndMatch(sort: SortKey, prefix: string | null): { key: SQL; match: SQL | undefined } {
  const u = tables.users;
  if (sort === "email" && prefix !== null)
    return { key: sql`${u.emailNormalized} collate "C"`, match: sql`${u.emailNormalized} collate "C" like ${likePrefix(prefix)}` };
  if (sort === "username" && prefix !== null)
    return { key: sql`${u.usernameNormalized} collate "C"`, match: sql`${u.usernameNormalized} collate "C" like ${likePrefix(prefix)}` };
  if (sort === "phone" && prefix !== null) {
    // A phone is on an SMS sign-in method or an SMS two-factor method (a user may have both):
    // the few matching users come from those tables' phone indexes, in sign-up order.
    const pattern = likePrefix(prefix);
    return {
      key: sql`${u.createdAt}`,
      match: sql`${u.id} in (select m.user_id from sign_in_methods m where m.phone collate "C" like ${pattern}
        union select f.user_id from two_factor f where f.phone collate "C" like ${pattern})`,
    };
  }
  return { key: sql`${u.createdAt}`, match: undefined };
}

const timeKeyed = (sort: SortKey): boolean => sort === "created" || sort === "phone";

// Times travel in cursors as UTC ISO strings with microseconds, PostgreSQL's own precision.
const ISO_MICROS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})\d{3}Z$/;

function keyText(sort: SortKey, key: SQL): SQL<string> {
  return timeKeyed(sort) ? sql<string>`to_char(${key} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')` : sql<string>`(${key})::text`;
}

function validKey(sort: SortKey, value: string): boolean {
  if (!timeKeyed(sort)) return value.isWellFormed() && !value.includes("\u0000");
  // A real instant (no 30 February): the millisecond part survives a round trip through Date.
  const millis = ISO_MICROS.exec(value)?.[1];
  return millis !== undefined && !Number.isNaN(Date.parse(`${millis}Z`)) && new Date(`${millis}Z`).toISOString() === `${millis}Z`;
}

function cursorValue(sort: SortKey, value: string): SQL {
  return timeKeyed(sort) ? sql`${value}::timestamptz` : sql`${value}::text collate "C"`;
}

async function totalOf(match: SQL | undefined): Promise<UserSearchPage["total"]> {
  const db = await getDb();
  if (match) {
    const [row] = await db.select({ n: count() }).from(sql`(select 1 from ${tables.users} where ${match} limit ${COUNT_MATCHES_UP_TO + 1}) as matched`);
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
