/** `gatehouse roles …`: Flask-Security's `flask roles` commands over the datastore verbs. */
import type { Command } from "commander";
import { addPermissionsToRole, createRole, deleteRole, listRoles, removePermissionsFromRole } from "../../lib/security/accounts/roles";
import { action, done, listOf } from "./io";

export function rolesCommand(program: Command): void {
  const roles = program.command("roles").description("create, change and list roles and their permissions (resource:action)");
  roles
    .command("create")
    .argument("<name>")
    .option("--description <text>")
    .option("--permissions <list>", "comma-separated resource:action permissions", "")
    .action(
      action(async ([name = ""], o: { description?: string; permissions: string }) => {
        const r = await createRole({ name, description: o.description, permissions: listOf([o.permissions]) });
        return r.ok ? done(`Created role ${r.role.name}${r.role.permissions.length ? ` (${r.role.permissions.join(", ")})` : ""}.`, { role: r.role }) : r;
      }),
    );
  roles
    .command("delete")
    .description("delete a role and take it from every account (not a role the configuration names)")
    .argument("<name>")
    .action(
      action(async ([name = ""]) => {
        const r = await deleteRole(name);
        return r.ok ? done(`Deleted role ${name} (held by ${r.users} account(s)).`, { users: r.users }) : r;
      }),
    );
  for (const [verb, change] of [
    ["add-permissions", addPermissionsToRole],
    ["remove-permissions", removePermissionsFromRole],
  ] as const) {
    roles
      .command(verb)
      .argument("<name>")
      .argument("<permissions...>", "resource:action, separated by spaces or commas")
      .action(
        action(async ([name = "", ...permissions]) => {
          const r = await change(name, listOf(permissions));
          return r.ok ? done(`${name}: ${r.permissions.join(", ") || "(no permissions)"}`, { permissions: r.permissions, changed: r.changed }) : r;
        }),
      );
  }
  roles
    .command("list")
    .description("every role, its permissions and how many accounts hold it")
    .action(
      action(async () => {
        const all = await listRoles();
        const lines = all.map((r) => `${r.name}  ${r.users} user(s)  ${r.permissions.join(",")}${r.description ? `  — ${r.description}` : ""}`);
        return done(lines.join("\n") || "(no roles)", { roles: all });
      }),
    );
}
