import "server-only";
import { and, count, eq, ne } from "drizzle-orm";
import { tables, type Tx } from "@/lib/db";
import { getConfig } from "../config";

/**
 * The guard every verb that can take administrators away shares (delete, deactivate, remove the
 * admin role): the admin role's row is locked first, so two such changes at once are counted one
 * after the other and the second sees the first's result. Returns the locked role's id, or null
 * when no admin role exists yet (nothing to protect).
 */
export async function lockAdminRole(tx: Tx): Promise<string | null> {
  const [role] = await tx.select({ id: tables.roles.id }).from(tables.roles).where(eq(tables.roles.name, getConfig().adminRole)).for("update");
  return role?.id ?? null;
}

/** Whether this user is an administrator and no other active account is one (call after lockAdminRole). */
export async function isLastAdmin(userId: string, adminRoleId: string, tx: Tx): Promise<boolean> {
  const [mine] = await tx
    .select({ n: count() })
    .from(tables.userRoles)
    .where(and(eq(tables.userRoles.userId, userId), eq(tables.userRoles.roleId, adminRoleId)));
  if (!mine?.n) return false;
  const [others] = await tx
    .select({ n: count() })
    .from(tables.userRoles)
    .innerJoin(tables.users, eq(tables.users.id, tables.userRoles.userId))
    .where(and(eq(tables.userRoles.roleId, adminRoleId), ne(tables.userRoles.userId, userId), eq(tables.users.active, true)));
  return !others?.n;
}
