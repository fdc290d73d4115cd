import "server-only";
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { isUniqueViolation } from "@/lib/db/errors";
import { fail, messageFor, type Result } from "../core/errors";
import { recordAdminChange, type AdminOptions } from "./admin-events";
import { checkRoleName, rolesRequiredByConfig, type RoleRecord } from "./roles";

/** A role description is a sentence for the console, not a document. */
const DESCRIPTION_MAX_LENGTH = 500;

/**
 * Renames a role in one UPDATE: every holder keeps it (user_roles points at the id). Refused for a
 * role the configuration names, and *to* such a name as well: renaming "support" to the admin role
 * would make every support agent an administrator without anyone adding a role. A name that is
 * taken is refused; the unique index decides between a rename and a create at once.
 */
export async function renameRole(name: string, newName: string, options: AdminOptions = {}): Promise<Result<{ role: RoleRecord }>> {
  const to = newName.trim();
  const named = checkRoleName(to);
  if (!named.ok) return named;
  const required = rolesRequiredByConfig();
  if (required.includes(name) || required.includes(to)) return fail("ROLE_RENAME_REQUIRED_BY_CONFIG", { name: [messageFor("ROLE_RENAME_REQUIRED_BY_CONFIG")] });
  try {
    return await (
      await getDb()
    ).transaction(async (tx): Promise<Result<{ role: RoleRecord }>> => {
      const [before] = await tx.select().from(tables.roles).where(eq(tables.roles.name, name)).for("update");
      if (!before) return fail("ROLE_DOES_NOT_EXIST");
      if (to === name) return { ok: true, role: before };
      const [role] = await tx.update(tables.roles).set({ name: to }).where(eq(tables.roles.id, before.id)).returning();
      if (!role) return fail("ROLE_DOES_NOT_EXIST");
      await recordAdminChange("role_renamed", null, { role: to, from: name }, options, tx);
      return { ok: true, role };
    });
  } catch (error) {
    if (isUniqueViolation(error)) return fail("ROLE_ALREADY_EXISTS", { name: [messageFor("ROLE_ALREADY_EXISTS")] });
    throw error;
  }
}

/** Sets (or, empty, clears) a role's description; any role may be described, the configured ones too. */
export async function describeRole(name: string, description: string, options: AdminOptions = {}): Promise<Result<{ role: RoleRecord }>> {
  const text = description.trim();
  if (text.length > DESCRIPTION_MAX_LENGTH) return fail("INVALID_INPUT", { description: [`At most ${DESCRIPTION_MAX_LENGTH} characters.`] });
  return (await getDb()).transaction(async (tx): Promise<Result<{ role: RoleRecord }>> => {
    const [before] = await tx.select().from(tables.roles).where(eq(tables.roles.name, name)).for("update");
    if (!before) return fail("ROLE_DOES_NOT_EXIST");
    const [role] = await tx
      .update(tables.roles)
      .set({ description: text || null })
      .where(eq(tables.roles.id, before.id))
      .returning();
    if (!role) return fail("ROLE_DOES_NOT_EXIST");
    if (role.description !== before.description) await recordAdminChange("role_description_changed", null, { role: name }, options, tx);
    return { ok: true, role };
  });
}
