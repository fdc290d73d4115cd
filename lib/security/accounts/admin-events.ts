import "server-only";
import type { Queryable } from "@/lib/db";
import { recordEvent, type SecurityEventType } from "../core/events";
import type { RequestContext } from "../core/request-context";

/** Who asked for an administrative change: the console passes the signed-in admin, the CLI nobody. */
export interface AdminOptions {
  /** The acting administrator's user id; their own activity log then records the action too. */
  actorId?: string | null;
  ctx?: RequestContext;
}

/**
 * Writes an administrative change to the activity log, in the change's transaction: on the user
 * it happened to (with `by`, the acting admin), and as `admin_action` on the admin's own log. A
 * change to no user (a role created or deleted) is written once, on the admin when there is one.
 */
export async function recordAdminChange(
  type: SecurityEventType,
  userId: string | null,
  data: Record<string, unknown>,
  options: AdminOptions,
  tx: Queryable,
): Promise<void> {
  const by = options.actorId ?? null;
  if (!userId) {
    await recordEvent(type, { userId: by, ctx: options.ctx, data }, tx);
    return;
  }
  await recordEvent(type, { userId, ctx: options.ctx, data: by ? { ...data, by } : data }, tx);
  if (by && by !== userId) await recordEvent("admin_action", { userId: by, ctx: options.ctx, data: { action: type, userId, ...data } }, tx);
}
