import "server-only";
import { count, eq, sql } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { getConfig } from "../config";
import { fail, messageFor, type Result } from "../core/errors";
import { ROLES_WRITE } from "../core/console-permissions";
import { recordAdminChange, type AdminOptions } from "./admin-events";

/**
 * Roles and their permissions (Flask-Security's find_role, create_role, delete_role,
 * add_permissions_to_role, remove_permissions_from_role). Each change is one transaction with
 * its event. Permissions follow one documented convention, `resource:action` (`users:read`,
 * `posts:*`), checked here so a typo cannot grant a permission nothing tests for.
 */
export type RoleRecord = typeof tables.roles.$inferSelect;

/** The roles editor's own permission (console-permissions.ts): the admin role keeps it. */

const ROLE_NAME = /^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$/;
const PERMISSION = /^[a-z0-9][a-z0-9._-]{0,63}:(\*|[a-z0-9][a-z0-9._-]{0,63})$/;

/** A list, or a comma-separated string as Flask-Security accepts; trimmed, without repeats. */
export function parsePermissions(input: string | readonly string[]): Result<{ permissions: string[] }> {
  const list = (typeof input === "string" ? input.split(",") : [...input]).map((p) => p.trim()).filter(Boolean);
  const bad = list.filter((p) => !PERMISSION.test(p));
  if (bad.length) return fail("PERMISSION_INVALID", { permissions: [`${messageFor("PERMISSION_INVALID")} Not valid: ${bad.slice(0, 5).join(", ")}`] });
  return { ok: true, permissions: [...new Set(list)] };
}

export function checkRoleName(name: string): Result {
  return ROLE_NAME.test(name) ? { ok: true } : fail("ROLE_NAME_INVALID", { name: [messageFor("ROLE_NAME_INVALID")] });
}

/** Roles the configuration names: deleting one would silently change who is an admin or who needs two-factor. */
export function rolesRequiredByConfig(): string[] {
  const config = getConfig();
  return [...new Set([config.adminRole, ...config.twoFactor.requiredRoles])];
}

export async function findRole(name: string, db?: Queryable): Promise<RoleRecord | null> {
  if (!ROLE_NAME.test(name)) return null;
  const [role] = await (db ?? (await getDb())).select().from(tables.roles).where(eq(tables.roles.name, name));
  return role ?? null;
}

/**
 * Every role's name and permissions, by name, without counting holders (listRoles' count scans
 * user_roles): what the admin list's role filter and the user page's role choices offer.
 */
export async function roleGrants(): Promise<{ name: string; permissions: string[] }[]> {
  return (await getDb()).select({ name: tables.roles.name, permissions: tables.roles.permissions }).from(tables.roles).orderBy(tables.roles.name);
}

/** Every role with how many accounts hold it, by name. */
export async function listRoles(): Promise<(RoleRecord & { users: number })[]> {
  const db = await getDb();
  const rows = await db
    .select({ role: tables.roles, users: count(tables.userRoles.userId) })
    .from(tables.roles)
    .leftJoin(tables.userRoles, eq(tables.userRoles.roleId, tables.roles.id))
    .groupBy(tables.roles.id)
    .orderBy(tables.roles.name);
  return rows.map((r) => ({ ...r.role, users: r.users }));
}

export async function findOrCreateRole(name: string, options: { description?: string; permissions?: string[] } = {}, db?: Queryable): Promise<RoleRecord> {
  const q = db ?? (await getDb());
  await q
    .insert(tables.roles)
    .values({ name, description: options.description ?? null, permissions: options.permissions ?? [] })
    .onConflictDoNothing();
  const [role] = await q.select().from(tables.roles).where(eq(tables.roles.name, name));
  if (!role) throw new Error(`role ${name} could not be created`);
  return role;
}

export interface CreateRoleInput {
  name: string;
  description?: string | null;
  permissions?: string | readonly string[];
}

/** Creates a role; a name that is taken is refused (the unique index decides between two at once). */
export async function createRole(input: CreateRoleInput, options: AdminOptions = {}): Promise<Result<{ role: RoleRecord }>> {
  const named = checkRoleName(input.name);
  if (!named.ok) return named;
  const parsed = parsePermissions(input.permissions ?? []);
  if (!parsed.ok) return parsed;
  const description = input.description?.trim().slice(0, 500) || null;
  return (await getDb()).transaction(async (tx): Promise<Result<{ role: RoleRecord }>> => {
    const [role] = await tx.insert(tables.roles).values({ name: input.name, description, permissions: parsed.permissions }).onConflictDoNothing().returning();
    if (!role) return fail("ROLE_ALREADY_EXISTS", { name: [messageFor("ROLE_ALREADY_EXISTS")] });
    await recordAdminChange("role_created", null, { role: role.name, permissions: role.permissions }, options, tx);
    return { ok: true, role };
  });
}

/**
 * Deletes a role and takes it from every account that held it (each of them logs role_removed).
 * Refused for the roles the configuration names (rolesRequiredByConfig).
 */
export async function deleteRole(name: string, options: AdminOptions = {}): Promise<Result<{ users: number }>> {
  if (rolesRequiredByConfig().includes(name)) return fail("ROLE_REQUIRED_BY_CONFIG");
  if (!(await findRole(name))) return fail("ROLE_DOES_NOT_EXIST");
  return (await getDb()).transaction(async (tx): Promise<Result<{ users: number }>> => {
    const [role] = await tx.select().from(tables.roles).where(eq(tables.roles.name, name)).for("update");
    if (!role) return fail("ROLE_DOES_NOT_EXIST");
    const holders = await tx.delete(tables.userRoles).where(eq(tables.userRoles.roleId, role.id)).returning({ userId: tables.userRoles.userId });
    await tx.delete(tables.roles).where(eq(tables.roles.id, role.id));
    for (const { userId } of holders) await recordAdminChange("role_removed", userId, { role: name, roleDeleted: true }, options, tx);
    await recordAdminChange("role_deleted", null, { role: name, users: holders.length }, options, tx);
    return { ok: true, users: holders.length };
  });
}

export const addPermissionsToRole = (name: string, permissions: string | readonly string[], options: AdminOptions = {}) =>
  changePermissions(name, permissions, "add", options);

export const removePermissionsFromRole = (name: string, permissions: string | readonly string[], options: AdminOptions = {}) =>
  changePermissions(name, permissions, "remove", options);

/** One UPDATE on the array: two editors adding different permissions at once both keep theirs. */
async function changePermissions(
  name: string,
  input: string | readonly string[],
  change: "add" | "remove",
  options: AdminOptions,
): Promise<Result<{ permissions: string[]; changed: boolean }>> {
  const parsed = parsePermissions(input);
  if (!parsed.ok) return parsed;
  if (!ROLE_NAME.test(name)) return fail("ROLE_DOES_NOT_EXIST");
  // Without roles:write on the admin role nobody could give it back from the console (only the CLI).
  if (change === "remove" && name === getConfig().adminRole && parsed.permissions.includes(ROLES_WRITE)) return fail("ROLE_PERMISSION_KEPT");
  const list = sql`array[${sql.join(
    parsed.permissions.map((p) => sql`${p}`),
    sql`, `,
  )}]::text[]`;
  const next =
    change === "add"
      ? sql`array(select distinct p from unnest(${tables.roles.permissions} || ${list}) p order by p)`
      : sql`array(select p from unnest(${tables.roles.permissions}) p where p <> all(${list}) order by p)`;
  return (await getDb()).transaction(async (tx): Promise<Result<{ permissions: string[]; changed: boolean }>> => {
    const [before] = await tx.select().from(tables.roles).where(eq(tables.roles.name, name)).for("update");
    if (!before) return fail("ROLE_DOES_NOT_EXIST");
    const [after] = await tx.update(tables.roles).set({ permissions: next }).where(eq(tables.roles.id, before.id)).returning();
    const permissions = after?.permissions ?? before.permissions;
    const changed = permissions.join(",") !== [...before.permissions].sort().join(",");
    if (changed)
      await recordAdminChange("role_permissions_changed", null, { role: name, [change === "add" ? "added" : "removed"]: parsed.permissions }, options, tx);
    return { ok: true, permissions, changed };
  });
}
