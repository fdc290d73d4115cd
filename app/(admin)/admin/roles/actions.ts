"use server";
import { getTranslations } from "next-intl/server";
import { redirect } from "next/navigation";
import { ROLES_WRITE } from "@/lib/security/core/console-permissions";
import { describeRole, renameRole } from "@/lib/security/accounts/role-edits";
import { addPermissionsToRole, createRole, deleteRole, removePermissionsFromRole } from "@/lib/security/accounts/roles";
import type { AdminOptions } from "@/lib/security/accounts/admin-events";
import { currentRequestContext, type CurrentSession } from "@/lib/security/sessions/current";
import { requireFreshAdmin } from "@/lib/security/sessions/guards";
import { formText, stateFromFailure, successState, type FormState } from "@/lib/view/form-state";

/** Every roles-editor write passes requireFreshAdmin (admin role, roles:write, fresh) and is logged as that admin. */
async function asEditor({ user }: CurrentSession): Promise<AdminOptions> {
  return { actorId: user.id, ctx: await currentRequestContext() };
}

const roleHref = (name: string): string => `/admin/roles/${encodeURIComponent(name)}`;

/** The permissions box takes commas, spaces or one per line; the core splits on commas. */
const permissionsField = (formData: FormData): string => (formText(formData, "permissions", 4000) ?? "").replace(/\s+/g, ",");

export async function createRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const options = await asEditor(await requireFreshAdmin(ROLES_WRITE));
  const result = await createRole(
    { name: formText(formData, "name", 64) ?? "", description: formText(formData, "description", 500), permissions: permissionsField(formData) },
    options,
  );
  if (!result.ok) return stateFromFailure(result);
  redirect(roleHref(result.role.name));
}

export async function renameRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const options = await asEditor(await requireFreshAdmin(ROLES_WRITE));
  const result = await renameRole(formText(formData, "role", 64) ?? "", formText(formData, "name", 64) ?? "", options);
  if (!result.ok) return stateFromFailure(result);
  redirect(roleHref(result.role.name));
}

export async function describeRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const options = await asEditor(await requireFreshAdmin(ROLES_WRITE));
  const result = await describeRole(formText(formData, "role", 64) ?? "", formText(formData, "description", 4000) ?? "", options);
  return result.ok ? successState((await getTranslations("admin.role"))("descriptionSaved")) : stateFromFailure(result);
}

export async function addPermissionsAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const options = await asEditor(await requireFreshAdmin(ROLES_WRITE));
  const role = formText(formData, "role", 64) ?? "";
  const result = await addPermissionsToRole(role, permissionsField(formData), options);
  if (!result.ok) return stateFromFailure(result);
  redirect(roleHref(role));
}

export async function removePermissionAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const options = await asEditor(await requireFreshAdmin(ROLES_WRITE));
  const role = formText(formData, "role", 64) ?? "";
  const result = await removePermissionsFromRole(role, formText(formData, "permission", 200) ?? "", options);
  if (!result.ok) return stateFromFailure(result);
  redirect(roleHref(role));
}

export async function deleteRoleAction(_previous: FormState, formData: FormData): Promise<FormState> {
  const options = await asEditor(await requireFreshAdmin(ROLES_WRITE));
  const result = await deleteRole(formText(formData, "role", 64) ?? "", options);
  if (!result.ok) return stateFromFailure(result);
  redirect("/admin/roles?notice=ROLE_DELETED");
}
