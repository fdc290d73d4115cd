import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { getConfig } from "../config";
import { fail, messageFor, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { consumeRateLimit, RATE_LIMITS } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { normalizeEmail } from "../accounts/identity";
import { isLastAdmin, lockAdminRole } from "../accounts/last-admin";
import { findUserById, type UserRecord } from "../accounts/users";

export interface DeleteUserOptions {
  /** Who deleted it: the owner (/account/delete) or an administrator (console, CLI); the goodbye says which. */
  by: "self" | "admin";
  ctx?: RequestContext;
}

/**
 * Deletes a user and everything that hangs off it: sessions, pending sign-ins, emailed links,
 * two-factor and sign-in methods, passkeys and their challenges, recovery codes, roles (the
 * foreign keys cascade) — and its activity log, unless SECURITY_KEEP_EVENTS_OF_DELETED_USERS keeps
 * it anonymised. A goodbye email goes out in the same transaction. The last account with the
 * admin role cannot be deleted: the role row is locked first, so two admins deleting themselves at
 * once are counted one after the other and the second is refused. Decision 029.
 * @public part of the programmable API (admin console, CLI).
 */
export async function deleteUser(userId: string, options: DeleteUserOptions): Promise<Result<{ email: string }>> {
  const config = getConfig();
  // findUserById refuses a malformed id before PostgreSQL would (an invalid uuid is an error there).
  if (!(await findUserById(userId))) return fail("USER_DOES_NOT_EXIST");
  const db = await getDb();
  return db.transaction(async (tx) => {
    const adminRoleId = await lockAdminRole(tx);
    const [user] = await tx.select().from(tables.users).where(eq(tables.users.id, userId)).for("update");
    if (!user) return fail("USER_DOES_NOT_EXIST");
    if (adminRoleId && (await isLastAdmin(user.id, adminRoleId, tx))) return fail("LAST_ADMIN");
    if (config.keepEventsOfDeletedUsers) {
      // Kept for the operator's statistics, with nothing that names or locates the person.
      await tx
        .update(tables.securityEvents)
        .set({ userId: null, ip: null, userAgent: null, data: sql`'{}'::jsonb` })
        .where(eq(tables.securityEvents.userId, user.id));
      await recordEvent("user_deleted", { userId: null, data: { by: options.by } }, tx);
    }
    await tx.delete(tables.users).where(eq(tables.users.id, user.id));
    await queueEmail("account_deleted", user.email, { appName: config.appName, email: user.email, by: options.by }, tx);
    return { ok: true as const, email: user.email };
  });
}

/**
 * The owner deletes their own account from /account/delete (a fresh session, by the route
 * table): they type their email address, so a stray click or a borrowed unlocked laptop in a
 * hurry does not do it.
 */
export async function deleteOwnAccount(user: UserRecord, confirmation: string, ctx: RequestContext): Promise<Result<{ email: string }>> {
  if (!getConfig().features.deleteAccount) return fail("API_ERROR");
  const limited = await consumeRateLimit(RATE_LIMITS.deleteAccountPerUser, user.id);
  if (!limited.ok) return fail("RATE_LIMITED", undefined, limited.retryAfter);
  if (normalizeEmail(confirmation) !== user.emailNormalized) {
    return fail("DELETE_CONFIRMATION_MISMATCH", { confirmation: [messageFor("DELETE_CONFIRMATION_MISMATCH")] });
  }
  return deleteUser(user.id, { by: "self", ctx });
}
