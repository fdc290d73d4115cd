import "server-only";
import { sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { tables } from "@/lib/db";

/**
 * The orders of the admin user list and their keyset cursors (lib/security/accounts/user-search.ts).
 * Each order is (key, id), read from an index of migration 0006 or 0010 in either direction, so a
 * page deep in the list costs what the first one does. A cursor carries the order it was made for;
 * one from another order, or edited, is refused (the list then starts again), never passed to SQL
 * unchecked.
 */
export const SORTS = ["created", "email", "last-sign-in"] as const;
export type Sort = (typeof SORTS)[number];
export const DIRECTIONS = ["asc", "desc"] as const;
export type Direction = (typeof DIRECTIONS)[number];
/** What the rows are ordered by: a sort, or a searched column (its prefix and its page share one index range). */
export type OrderKey = Sort | "username" | "phone";

/** The longest key a cursor may carry: an email address (RFC 5321) and room for the rest. */
const KEY_MAX_LENGTH = 254 + 64;

const cursorSchema = z.strictObject({
  s: z.enum(["created", "email", "last-sign-in", "username", "phone"]),
  o: z.enum(DIRECTIONS),
  d: z.enum(["after", "before"]),
  v: z.string().max(KEY_MAX_LENGTH),
  id: z.uuid(),
});
export type Cursor = z.infer<typeof cursorSchema>;

export function encodeCursor(cursor: Cursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString("base64url");
}

/** A cursor this order can use, or null. */
export function decodeCursor(text: string | undefined, key: OrderKey, direction: Direction): Cursor | null {
  if (!text || text.length > 1024 || !/^[A-Za-z0-9_-]+$/.test(text)) return null;
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(text, "base64url").toString("utf8"));
  } catch {
    return null;
  }
  const cursor = cursorSchema.safeParse(parsed);
  if (!cursor.success || cursor.data.s !== key || cursor.data.o !== direction) return null;
  return validKey(key, cursor.data.v) ? cursor.data : null;
}

/**
 * Where a page's order is read: the users table, or user_roles for a role's holders, whose copies of
 * the keys (decision 058, kept by triggers) hold the same values, so a cursor means the same in both.
 */
export type OrderSource = "users" | "user_roles";

/** Whether user_roles holds a copy of this order's key (it has none for usernames). */
export function roleOrdered(key: OrderKey): key is Sort {
  return key !== "username" && key !== "phone";
}

/**
 * The SQL expression rows are ordered by. A user who never signed in sorts as -infinity (the
 * expression index of migration 0010 holds the same), so nulls need no special case in the keyset.
 */
export function orderExpression(key: OrderKey, source: OrderSource = "users"): SQL {
  if (source === "user_roles" && roleOrdered(key)) {
    const ur = tables.userRoles;
    if (key === "email") return sql`${ur.userEmail} collate "C"`;
    return key === "last-sign-in" ? sql`${ur.userLastSignIn}` : sql`${ur.userCreatedAt}`;
  }
  const u = tables.users;
  if (key === "email") return sql`${u.emailNormalized} collate "C"`;
  if (key === "username") return sql`${u.usernameNormalized} collate "C"`;
  if (key === "last-sign-in") return sql`coalesce(${u.currentLoginAt}, '-infinity'::timestamptz)`;
  return sql`${u.createdAt}`;
}

const timeKeyed = (key: OrderKey): boolean => key === "created" || key === "phone" || key === "last-sign-in";

// Times travel in cursors as UTC ISO strings with microseconds, PostgreSQL's own precision.
const ISO_MICROS = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3})\d{3}Z$/;
const NEVER = "-infinity";

/** The row's key as text for its cursor. */
export function keyText(key: OrderKey, expression: SQL): SQL<string> {
  if (!timeKeyed(key)) return sql<string>`(${expression})::text`;
  return sql<string>`case when ${expression} = '-infinity'::timestamptz then ${NEVER}
    else to_char(${expression} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"') end`;
}

function validKey(key: OrderKey, value: string): boolean {
  if (!timeKeyed(key)) return value.isWellFormed() && !value.includes("\u0000");
  if (value === NEVER) return key === "last-sign-in";
  // A real instant (no 30 February): the millisecond part survives a round trip through Date.
  const millis = ISO_MICROS.exec(value)?.[1];
  return millis !== undefined && !Number.isNaN(Date.parse(`${millis}Z`)) && new Date(`${millis}Z`).toISOString() === `${millis}Z`;
}

/** The user id column that breaks ties in the order: the same value in either source, but the source's own column is in its index. */
export function orderId(source: OrderSource): SQL {
  return source === "user_roles" ? sql`${tables.userRoles.userId}` : sql`${tables.users.id}`;
}

/** `(key, id)` beyond the cursor in the direction the page is read. */
export function beyond(key: OrderKey, expression: SQL, cursor: Cursor, descending: boolean, id: SQL = orderId("users")): SQL {
  const value = timeKeyed(key) ? sql`${cursor.v}::timestamptz` : sql`${cursor.v}::text collate "C"`;
  return sql`(${expression}, ${id}) ${sql.raw(descending ? "<" : ">")} (${value}, ${cursor.id}::uuid)`;
}
