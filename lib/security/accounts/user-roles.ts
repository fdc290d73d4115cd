import "server-only";
import { and, eq } from "drizzle-orm";
import { getDb, type Queryable, tables, type Tx } from "@/lib/db";
import { getConfig } from "../config";
import { fail, type Result } from "../core/errors";
import { ensureAdminRole } from "./admin-role";
import { recordAdminChange, type AdminOptions } from "./admin-events";
import { isUuid } from "./identity";
import { isLastAdmin, lockAdminRole } from "./last-admin";
import { findOrCreateRole, findRole } from "./roles";

/** Flask-Security's add_role_to_user / remove_role_from_user: `changed` is its True/False. */
export interface RoleChangeOptions extends AdminOptions {
  /** Run inside this transaction (createUser's); otherwise the verb opens its own. */
  db?: Queryable;
  /** Create a role named for the first time (createUser, the e2e accounts); the console and CLI pass false so a typo is refused. */
  createRole?: boolean;
}

async function userExists(tx: Tx, userId: string): Promise<boolean> {
  if (!isUuid(userId)) return false;
  const [row] = await tx.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.id, userId)).for("update");
  return Boolean(row);
}

export async function addRoleToUser(userId: string, roleName: string, options: RoleChangeOptions = {}): Promise<Result<{ changed: boolean }>> {
  const q = options.db ?? (await getDb());
  return q.transaction(async (tx): Promise<Result<{ changed: boolean }>> => {
    if (!(await userExists(tx, userId))) return fail("USER_DOES_NOT_EXIST");
    const creates = options.createRole ?? true;
    // The admin role is never made bare: it comes with the console's permissions (decision 040).
    if (creates && roleName === getConfig().adminRole) await ensureAdminRole(tx);
    const role = creates ? await findOrCreateRole(roleName, {}, tx) : await findRole(roleName, tx);
    if (!role) return fail("ROLE_DOES_NOT_EXIST");
    const added = await tx.insert(tables.userRoles).values({ userId, roleId: role.id }).onConflictDoNothing().returning();
    if (added.length) await recordAdminChange("role_added", userId, { role: roleName }, options, tx);
    return { ok: true, changed: added.length > 0 };
  });
}

/**
 * Takes a role from a user. The administrator role is never taken from the last active admin
 * (the role row is locked first, so two admins removing each other at once leave one), nor by an
 * admin from themselves.
 */
export async function removeRoleFromUser(userId: string, roleName: string, options: AdminOptions = {}): Promise<Result<{ changed: boolean }>> {
  const isAdminRole = roleName === getConfig().adminRole;
  if (isAdminRole && options.actorId === userId) return fail("ADMIN_SELF_CHANGE");
  return (await getDb()).transaction(async (tx): Promise<Result<{ changed: boolean }>> => {
    const adminRoleId = isAdminRole ? await lockAdminRole(tx) : null;
    if (!(await userExists(tx, userId))) return fail("USER_DOES_NOT_EXIST");
    const role = await findRole(roleName, tx);
    if (!role) return fail("ROLE_DOES_NOT_EXIST");
    if (adminRoleId && (await isLastAdmin(userId, adminRoleId, tx))) return fail("LAST_ADMIN");
    const removed = await tx
      .delete(tables.userRoles)
      .where(and(eq(tables.userRoles.userId, userId), eq(tables.userRoles.roleId, role.id)))
      .returning();
    if (removed.length) await recordAdminChange("role_removed", userId, { role: roleName }, options, tx);
    return { ok: true, changed: removed.length > 0 };
  });
}
