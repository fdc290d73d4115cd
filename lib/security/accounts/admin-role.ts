import "server-only";
import { sql } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { getConfig } from "../config";
import { CONSOLE_PERMISSIONS } from "../core/console-permissions";

/**
 * The admin role (SECURITY_ADMIN_ROLE) always holds the console's permissions (decision 040): made
 * with them when first named, and given any it lacks on an existing role at every start and
 * `db migrate`. One statement, so two instances starting at once neither fail nor duplicate; the
 * role's other permissions stay. Returns whether anything changed.
 */
export async function ensureAdminRole(db?: Queryable): Promise<boolean> {
  const q = db ?? (await getDb());
  const wanted = sql`array[${sql.join(
    CONSOLE_PERMISSIONS.map((p) => sql`${p}`),
    sql`, `,
  )}]::text[]`;
  const rows = await q
    .insert(tables.roles)
    .values({ name: getConfig().adminRole, description: "Administrators", permissions: [...CONSOLE_PERMISSIONS] })
    .onConflictDoUpdate({
      target: tables.roles.name,
      set: { permissions: sql`array(select distinct p from unnest(${tables.roles.permissions} || ${wanted}) p order by p)` },
      setWhere: sql`not (${tables.roles.permissions} @> ${wanted})`,
    })
    .returning({ id: tables.roles.id });
  return rows.length > 0;
}
