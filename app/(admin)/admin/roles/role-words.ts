import "server-only";
import { getTranslations } from "next-intl/server";
import type { RoleFormWords } from "./role-forms";

/** The roles editor's forms are client components: the server reads their words once and passes them. */
export async function roleFormWords(): Promise<RoleFormWords> {
  const t = await getTranslations("admin.roles.forms");
  const keys = [
    "name",
    "description",
    "permissions",
    "permissionsHint",
    "create",
    "createLabel",
    "rename",
    "renameLabel",
    "saveDescription",
    "describeLabel",
    "add",
    "addLabel",
  ] as const;
  return Object.fromEntries(keys.map((key) => [key, t(key)])) as Record<(typeof keys)[number], string>;
}
