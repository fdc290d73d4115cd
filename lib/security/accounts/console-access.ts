import "server-only";
import { getConfig } from "../config";
import { CONSOLE_PERMISSIONS } from "../core/console-permissions";
import { fail, type Result } from "../core/errors";
import { findRole } from "./roles";
import { getAuthorization, type Authorization } from "./users";

/**
 * Who may change whom from the console (decision 057). users:write lets a support role manage
 * ordinary accounts; it must not be a way up. So an account that holds console access (the admin
 * role or any console permission) is changed only by an administrator, and a role that carries
 * console access is given or taken only by an administrator who holds every console permission in it
 * — nobody grants more than they have. The CLI is the operator's own tool and is not limited.
 */

/** The admin role, or any permission the console checks. */
export function holdsConsoleAccess(authorization: Authorization): boolean {
  return authorization.roles.includes(getConfig().adminRole) || authorization.permissions.some((p) => CONSOLE_PERMISSIONS.includes(p));
}

function isAdministrator(authorization: Authorization): boolean {
  return authorization.roles.includes(getConfig().adminRole);
}

function consolePermissionsOf(role: { name: string; permissions: readonly string[] }): string[] {
  return role.permissions.filter((p) => CONSOLE_PERMISSIONS.includes(p));
}

function grantsConsoleAccess(role: { name: string; permissions: readonly string[] }): boolean {
  return role.name === getConfig().adminRole || consolePermissionsOf(role).length > 0;
}

/** Whether this actor may give or take this role (a role that does not exist is the verb's to refuse). */
export function mayChangeRole(actor: Authorization, role: { name: string; permissions: readonly string[] }, change: "add" | "remove"): boolean {
  if (!grantsConsoleAccess(role)) return true;
  if (!isAdministrator(actor)) return false;
  return change === "remove" || consolePermissionsOf(role).every((p) => actor.permissions.includes(p));
}

/** Whether this actor may change this account at all from the console: their own, an ordinary one, or any if an administrator. */
export function mayChangeAccount(actor: Authorization & { id: string }, target: Authorization & { id: string }): boolean {
  return actor.id === target.id || isAdministrator(actor) || !holdsConsoleAccess(target);
}

/**
 * The console's check before any change to an account: ADMIN_REQUIRED when the account, or the role
 * being given or taken, is above what the actor may touch. Both sides are read from the database: the
 * actor's by runAdminAction for this request (it checks users:write with it), never what a form says.
 */
export async function checkConsoleReach(
  actor: Authorization & { id: string },
  targetId: string,
  role?: { change: "add" | "remove"; name: string },
): Promise<Result> {
  const target = await getAuthorization(targetId);
  if (!mayChangeAccount(actor, { ...target, id: targetId })) return fail("ADMIN_REQUIRED");
  // A role not made yet holds nothing, but the admin role's name is enough to be out of reach.
  if (role && !mayChangeRole(actor, (await findRole(role.name)) ?? { name: role.name, permissions: [] }, role.change)) return fail("ADMIN_REQUIRED");
  return { ok: true };
}
