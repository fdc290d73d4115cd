import "server-only";
import { and, asc, eq, isNull, sql } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { fail, type Result } from "../core/errors";
import { listUserEvents, type ActivityEntry } from "../core/events";
import type { RequestContext } from "../core/request-context";
import type { RESCUE_RESOLUTIONS } from "../core/stored-values";
import { recordAdminChange, type AdminOptions } from "./admin-events";
import { isUuid } from "./identity";

/**
 * The two-factor rescue "help" requests as a queue for the admin console. Flask-Security only mails
 * the admin; here the request is also a row, so it can be worked on, reset from and dismissed, and
 * a user who asks again and again has one open request (and one mail), not a pile.
 */
export type RescueResolution = (typeof RESCUE_RESOLUTIONS)[number];

/** How many of the requester's latest events the queue shows beside each request. */
const RECENT_ACTIVITY = 5;

/**
 * Records a request in the caller's transaction. `created` is false when the account already has an
 * open one: that one's count and time move instead, and the caller does not mail the admin again.
 */
export async function recordRescueRequest(userId: string, ctx: RequestContext, tx: Queryable): Promise<{ created: boolean }> {
  const inserted = await tx
    .insert(tables.rescueRequests)
    .values({ userId, ip: ctx.ip, userAgent: ctx.userAgent })
    .onConflictDoNothing({ target: tables.rescueRequests.userId, where: sql`${tables.rescueRequests.resolvedAt} is null` })
    .returning({ id: tables.rescueRequests.id });
  if (inserted.length) return { created: true };
  await tx
    .update(tables.rescueRequests)
    .set({ timesAsked: sql`${tables.rescueRequests.timesAsked} + 1`, lastAskedAt: sql`now()`, ip: ctx.ip, userAgent: ctx.userAgent })
    .where(and(eq(tables.rescueRequests.userId, userId), isNull(tables.rescueRequests.resolvedAt)));
  return { created: false };
}

export interface OpenRescueRequest {
  id: string;
  userId: string;
  email: string;
  active: boolean;
  createdAt: Date;
  lastAskedAt: Date;
  timesAsked: number;
  ip: string | null;
  userAgent: string | null;
  recentActivity: ActivityEntry[];
}

/** The open queue, oldest first (first asked, first helped), each with the requester's latest events. */
export async function listOpenRescueRequests(limit = 50): Promise<OpenRescueRequest[]> {
  const db = await getDb();
  const rows = await db
    .select({
      id: tables.rescueRequests.id,
      userId: tables.rescueRequests.userId,
      email: tables.users.email,
      active: tables.users.active,
      createdAt: tables.rescueRequests.createdAt,
      lastAskedAt: tables.rescueRequests.lastAskedAt,
      timesAsked: tables.rescueRequests.timesAsked,
      ip: tables.rescueRequests.ip,
      userAgent: tables.rescueRequests.userAgent,
    })
    .from(tables.rescueRequests)
    .innerJoin(tables.users, eq(tables.users.id, tables.rescueRequests.userId))
    .where(isNull(tables.rescueRequests.resolvedAt))
    .orderBy(asc(tables.rescueRequests.createdAt))
    .limit(limit);
  return Promise.all(rows.map(async (row) => ({ ...row, recentActivity: await listUserEvents(row.userId, RECENT_ACTIVITY) })));
}

/** An open request by id (the console's forms post it), or null when resolved or unknown. */
export async function findOpenRescueRequest(id: string): Promise<{ id: string; userId: string } | null> {
  if (!isUuid(id)) return null;
  const [row] = await (
    await getDb()
  )
    .select({ id: tables.rescueRequests.id, userId: tables.rescueRequests.userId })
    .from(tables.rescueRequests)
    .where(and(eq(tables.rescueRequests.id, id), isNull(tables.rescueRequests.resolvedAt)));
  return row ?? null;
}

/**
 * Takes a request out of the queue, once: the UPDATE only matches an open row, so two admins
 * resolving it at once get one success and one RESCUE_REQUEST_NOT_FOUND. A dismissal is logged on
 * the requester (and on the admin); a reset is logged by resetUserAccess itself.
 */
export async function resolveRescueRequest(id: string, resolution: RescueResolution, options: AdminOptions = {}): Promise<Result<{ userId: string }>> {
  if (!isUuid(id)) return fail("RESCUE_REQUEST_NOT_FOUND");
  return (await getDb()).transaction(async (tx): Promise<Result<{ userId: string }>> => {
    const [row] = await tx
      .update(tables.rescueRequests)
      .set({ resolvedAt: sql`now()`, resolvedBy: options.actorId ?? null, resolution })
      .where(and(eq(tables.rescueRequests.id, id), isNull(tables.rescueRequests.resolvedAt)))
      .returning({ userId: tables.rescueRequests.userId });
    if (!row) return fail("RESCUE_REQUEST_NOT_FOUND");
    if (resolution === "dismissed") await recordAdminChange("rescue_request_dismissed", row.userId, { request: id }, options, tx);
    return { ok: true, userId: row.userId };
  });
}
