import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, tables, type Tx } from "@/lib/db";
import { randomToken } from "../core/crypto";
import { fail, type Result } from "../core/errors";
import { recordAdminChange, type AdminOptions } from "./admin-events";
import { isUuid } from "./identity";
import { isLastAdmin, lockAdminRole } from "./last-admin";

/**
 * Flask-Security's activate_user, deactivate_user and toggle_active. Deactivating ends the
 * account's sessions, pending sign-ins and API tokens (rows deleted) and rotates both
 * uniquifiers: reactivating it later must not bring back a session, token or remembered device
 * it had. The last active administrator cannot be deactivated, nor an admin deactivate themselves.
 */
export function activateUser(userId: string, options: AdminOptions = {}): Promise<Result<{ changed: boolean }>> {
  return changeActive(userId, () => true, options);
}

export function deactivateUser(userId: string, options: AdminOptions = {}): Promise<Result<{ changed: boolean }>> {
  return changeActive(userId, () => false, options);
}

/** Flips the state, decided on the locked row (two toggles at once flip it twice, never once for both). */
export async function toggleActive(userId: string, options: AdminOptions = {}): Promise<Result<{ active: boolean }>> {
  let active = false;
  const result = await changeActive(
    userId,
    (current) => {
      active = !current;
      return active;
    },
    options,
  );
  return result.ok ? { ok: true, active } : result;
}

async function changeActive(userId: string, wanted: (current: boolean) => boolean, options: AdminOptions): Promise<Result<{ changed: boolean }>> {
  if (!isUuid(userId)) return fail("USER_DOES_NOT_EXIST");
  return (await getDb()).transaction(async (tx): Promise<Result<{ changed: boolean }>> => {
    // The admin role first, then the user: the order delete-account.ts locks them in (no deadlock).
    const adminRoleId = await lockAdminRole(tx);
    const [user] = await tx.select({ active: tables.users.active }).from(tables.users).where(eq(tables.users.id, userId)).for("update");
    if (!user) return fail("USER_DOES_NOT_EXIST");
    const active = wanted(user.active);
    if (active === user.active) return { ok: true, changed: false };
    if (!active) {
      if (options.actorId === userId) return fail("ADMIN_SELF_CHANGE");
      if (adminRoleId && (await isLastAdmin(userId, adminRoleId, tx))) return fail("LAST_ADMIN");
      await endEverySignIn(userId, tx);
    }
    await tx
      .update(tables.users)
      .set({ active, updatedAt: sql`now()` })
      .where(eq(tables.users.id, userId));
    await recordAdminChange(active ? "user_activated" : "user_deactivated", userId, {}, options, tx);
    return { ok: true, changed: true };
  });
}

/**
 * Ends every way the account is signed in now: sessions, half-finished sign-ins and API tokens
 * go, and both uniquifiers rotate (remembered devices and any copy of a token die with them).
 */
export async function endEverySignIn(userId: string, tx: Tx): Promise<void> {
  await tx.delete(tables.sessions).where(eq(tables.sessions.userId, userId));
  await tx.delete(tables.pendingLogins).where(eq(tables.pendingLogins.userId, userId));
  await tx.delete(tables.authTokens).where(eq(tables.authTokens.userId, userId));
  await tx
    .update(tables.users)
    .set({ uniquifier: randomToken(), tokenUniquifier: randomToken(), updatedAt: sql`now()` })
    .where(eq(tables.users.id, userId));
}
