import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { getConfig } from "../config";

/**
 * The admin role (SECURITY_ADMIN_ROLE) always holds the console's permissions that
 * SECURITY_ADMIN_ROLE_PERMISSIONS names, all four by default (decisions 040, 053): made with them
 * when first named, and given any it lacks on an existing role at every start and `db migrate`.
 * One statement, so two instances starting at once neither fail nor duplicate; the role's other
 * permissions stay, and a console permission the setting leaves out is neither granted nor taken:
 * an operator who removes it from the role removes it for good. Returns whether anything changed.
 */
export async function ensureAdminRole(db?: Queryable): Promise<boolean> {
  const q = db ?? (await getDb());
  const permissions = getConfig().adminRolePermissions;
  // `array[]` with no element has no type; the cast gives it one (`@>` of an empty array is true).
  const wanted = sql`array[${sql.join(
    permissions.map((p) => sql`${p}`),
    sql`, `,
  )}]::text[]`;
  const rows = await q
    .insert(tables.roles)
    .values({ name: getConfig().adminRole, description: "Administrators", permissions: [...permissions] })
    .onConflictDoUpdate({
      target: tables.roles.name,
      set: { permissions: sql`array(select distinct p from unnest(${tables.roles.permissions} || ${wanted}) p order by p)` },
      setWhere: sql`not (${tables.roles.permissions} @> ${wanted})`,
    })
    .returning({ id: tables.roles.id });
  return rows.length > 0;
}
