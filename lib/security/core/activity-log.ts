import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { getDb, tables } from "@/lib/db";
import type { ActivityEntry, SecurityEventType } from "./events";

/** One row of the activity page: the event, with its id as the page's keyset cursor. */
export type ActivityRow = ActivityEntry & { id: number };

export interface ActivityPage {
  rows: ActivityRow[];
  /** Cursors for the neighbouring pages, null at either end. */
  olderThan: number | null;
  newerThan: number | null;
}

export interface ActivityQuery {
  /** Only these types; null for every type. */
  types: readonly SecurityEventType[] | null;
  /** Keyset cursor: the events just older (`before`) or newer (`after`) than this event of the user's. */
  before?: number | null;
  after?: number | null;
  limit?: number;
}

/** A page of 50 is what the page showed before it had pages: a day or two of a busy account. */
export const ACTIVITY_PAGE_SIZE = 50;

const actor = alias(tables.users, "actor");
const e = tables.securityEvents;

/**
 * A page of the user's own activity log, newest first, by keyset on (at, id), the order of the
 * `security_events_user_idx` index. A cursor names an event by id; one that is not the user's
 * matches nothing, so a page never shows another account's rows.
 */
export async function listActivityPage(userId: string, query: ActivityQuery): Promise<ActivityPage> {
  const limit = query.limit ?? ACTIVITY_PAGE_SIZE;
  const newer = query.after != null;
  const cursor = newer ? query.after : query.before;
  const conditions: SQL[] = [eq(e.userId, userId)];
  if (query.types) conditions.push(inArray(e.type, [...query.types]));
  if (cursor != null) {
    const at = sql`(select c.at, c.id from security_events c where c.id = ${cursor} and c.user_id = ${userId})`;
    conditions.push(newer ? sql`(${e.at}, ${e.id}) > ${at}` : sql`(${e.at}, ${e.id}) < ${at}`);
  }
  const rows = await (
    await getDb()
  )
    .select({ id: e.id, type: e.type, ip: e.ip, userAgent: e.userAgent, data: e.data, at: e.at, actorEmail: actor.email })
    .from(e)
    .leftJoin(actor, eq(actor.id, e.actorId))
    .where(and(...conditions))
    .orderBy(...(newer ? [asc(e.at), asc(e.id)] : [desc(e.at), desc(e.id)]))
    .limit(limit + 1);
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  if (newer) page.reverse();
  const first = page[0];
  const last = page.at(-1);
  return {
    rows: page,
    olderThan: last && (newer || more) ? last.id : null,
    newerThan: first && (!newer ? cursor != null : more) ? first.id : null,
  };
}
