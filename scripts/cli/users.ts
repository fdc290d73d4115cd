/** `gatehouse users …`: Flask-Security's `flask users` commands over the datastore verbs. */
import type { Command } from "commander";
import { activateUser, deactivateUser } from "../../lib/security/accounts/activation";
import { isUuid, validateEmail, validateUsername } from "../../lib/security/accounts/identity";
import { ensureAdminRole } from "../../lib/security/accounts/admin-role";
import { searchUsers } from "../../lib/security/accounts/user-search";
import { addRoleToUser, removeRoleFromUser } from "../../lib/security/accounts/user-roles";
import { createUser, findUserByEmail, findUserById, getAuthorization, type UserRecord } from "../../lib/security/accounts/users";
import { getConfig } from "../../lib/security/config";
import { fail } from "../../lib/security/core/errors";
import { deleteUser } from "../../lib/security/lifecycle/delete-account";
import { resetUserAccess } from "../../lib/security/lifecycle/reset-access";
import { adminChangePassword } from "../../lib/security/passwords/admin-change";
import { checkPasswordPolicy, passwordPolicyFailure } from "../../lib/security/passwords/policy";
import { importCommand } from "./import";
import { action, done, readPassword, UsageError, type Answer } from "./io";

/** A user named by email address or id. */
async function findUser(identity: string): Promise<UserRecord | null> {
  return isUuid(identity) ? findUserById(identity) : findUserByEmail(identity);
}

/** Runs `verb` on the user named, or refuses an unknown one (exit 1). */
async function onUser(identity: string, verb: (user: UserRecord) => Promise<Answer>): Promise<Answer> {
  const user = await findUser(identity);
  return user ? verb(user) : fail("USER_DOES_NOT_EXIST");
}

interface CreateOptions {
  username?: string;
  role: string[];
  admin?: boolean;
  confirmed: boolean;
  passwordStdin?: boolean;
  existingOk?: boolean;
}

async function create([email = ""]: string[], options: CreateOptions): Promise<Answer> {
  const config = getConfig();
  if (validateEmail(email)) return fail("INVALID_EMAIL_ADDRESS");
  if (options.username !== undefined) {
    const bad = validateUsername(options.username);
    if (bad) return fail(bad);
  }
  const roles = [...new Set([...options.role, ...(options.admin ? [config.adminRole] : [])])];
  // The admin role holds the permissions the console checks (decision 040), also when it already existed.
  if (roles.includes(config.adminRole)) await ensureAdminRole();
  const existing = await findUserByEmail(email);
  if (existing) {
    if (!options.existingOk) return fail("EMAIL_ALREADY_ASSOCIATED");
    for (const role of roles) await addRoleToUser(existing.id, role);
    return done(`${existing.email} exists; it now has the role(s): ${roles.join(", ") || "(none added)"}.`, { created: false, id: existing.id, roles });
  }
  const password = await readPassword(options, "Password for the new account: ");
  const policyError = await checkPasswordPolicy(password, { email, username: options.username });
  if (policyError) return passwordPolicyFailure(policyError, "password");
  const user = await createUser({ email, password, username: options.username, confirmed: options.confirmed, roles });
  if (!user) return fail(options.username ? "IDENTITY_ALREADY_ASSOCIATED" : "EMAIL_ALREADY_ASSOCIATED");
  const with_ = roles.length ? ` with the role(s): ${roles.join(", ")}` : "";
  return done(`Created ${user.email}${with_}${options.confirmed ? "" : " (unconfirmed)"}.`, {
    created: true,
    id: user.id,
    roles,
    confirmed: options.confirmed,
  });
}

async function list(_args: string[], options: { search?: string; limit: string }): Promise<Answer> {
  const pageSize = Number(options.limit);
  if (!Number.isInteger(pageSize) || pageSize < 1 || pageSize > 1000) throw new UsageError("--limit must be a whole number from 1 to 1000");
  const page = await searchUsers({ query: options.search, field: "email", pageSize });
  const lines = page.users.map((u) => `${u.id}  ${u.email}${u.active ? "" : "  [inactive]"}${u.confirmedAt ? "" : "  [unconfirmed]"}  ${u.roles.join(",")}`);
  return done(lines.join("\n") || "(no users)", { users: page.users, total: page.total });
}

export function usersCommand(program: Command): void {
  const users = program.command("users").description("create, change and list accounts");
  users
    .command("create")
    .description("create an account (the password is asked for, or read from GATEHOUSE_PASSWORD or stdin)")
    .argument("<email>")
    .option("--username <name>", "a username too (when usernames are on)")
    .option("--role <name>", "a role to give (repeatable; a role named for the first time is created)", (v: string, all: string[]) => [...all, v], [])
    .option("--admin", "give the administrator role (SECURITY_ADMIN_ROLE)")
    .option("--confirmed", "the address counts as confirmed (the default: the operator vouches for it)", true)
    .option("--unconfirmed", "the user must confirm their address first")
    .option("--password-stdin", "read the password from standard input")
    .option("--existing-ok", "when the address is taken, give that account the roles instead of refusing")
    .action(action((args, o: CreateOptions & { unconfirmed?: boolean }) => create(args, { ...o, confirmed: !o.unconfirmed })));
  users
    .command("list")
    .description("accounts in sign-up order, or those whose email starts with --search")
    .option("--search <prefix>", "an email prefix")
    .option("--limit <n>", "how many", "50")
    .action(action(list));
  importCommand(users);
  const verbs: [string, string, (user: UserRecord) => Promise<Answer>][] = [
    ["activate", "let the account sign in again", async (u) => changed(await activateUser(u.id), `${u.email} is active.`)],
    ["deactivate", "stop the account signing in; its sessions and tokens end", async (u) => changed(await deactivateUser(u.id), `${u.email} is deactivated.`)],
    [
      "reset-access",
      "end sessions and tokens, remove two-factor, sign-in methods, passkeys and recovery codes (the password stays)",
      async (u) => {
        const r = await resetUserAccess(u.id);
        return r.ok
          ? done(`Access of ${u.email} reset (${r.twoFactor} two-factor, ${r.signInMethods} sign-in methods, ${r.passkeys} passkeys removed).`, {
              twoFactor: r.twoFactor,
              signInMethods: r.signInMethods,
              passkeys: r.passkeys,
            })
          : r;
      },
    ],
  ];
  for (const [name, description, verb] of verbs) {
    users
      .command(name)
      .description(description)
      .argument("<user>", "email address or id")
      .action(action(([identity = ""]) => onUser(identity, verb)));
  }
  users
    .command("change-password")
    .description("set a new password (asked for, or GATEHOUSE_PASSWORD / stdin); every session ends; the owner is told")
    .argument("<user>", "email address or id")
    .option("--password-stdin", "read the password from standard input")
    .option("--no-notify", "do not send the password-change notice")
    .action(
      action(([identity = ""], o: { passwordStdin?: boolean; notify: boolean }) =>
        onUser(identity, async (u) => {
          const r = await adminChangePassword(u.id, await readPassword(o, `New password for ${u.email}: `), { notify: o.notify });
          return r.ok ? done(`Password of ${u.email} changed; its sessions ended.`) : r;
        }),
      ),
    );
  for (const [name, verb] of [
    ["add-role", (u: UserRecord, role: string) => addRoleToUser(u.id, role, { createRole: false })],
    ["remove-role", (u: UserRecord, role: string) => removeRoleFromUser(u.id, role)],
  ] as const) {
    users
      .command(name)
      .description(`${name === "add-role" ? "give" : "take away"} an existing role`)
      .argument("<user>", "email address or id")
      .argument("<role>")
      .action(
        action(([identity = "", role = ""]) =>
          onUser(identity, async (u) => {
            const r = await verb(u, role);
            return r.ok
              ? done(`${u.email}: ${(await getAuthorization(u.id)).roles.join(", ") || "(no roles)"}`, {
                  changed: r.changed,
                  roles: (await getAuthorization(u.id)).roles,
                })
              : r;
          }),
        ),
      );
  }
  users
    .command("delete")
    .description("delete the account and everything that hangs off it (never the last admin)")
    .argument("<user>", "email address or id")
    .option("--yes", "really delete (required)")
    .action(
      action(([identity = ""], o: { yes?: boolean }) => {
        if (!o.yes) throw new UsageError("deleting an account cannot be undone: add --yes");
        return onUser(identity, async (u) => {
          const r = await deleteUser(u.id, { by: "admin" });
          return r.ok ? done(`Deleted ${r.email}.`, { id: u.id, email: r.email }) : r;
        });
      }),
    );
}

function changed(result: Awaited<ReturnType<typeof activateUser>>, text: string): Answer {
  if (!result.ok) return result;
  return done(result.changed ? text : `${text.replace(/\.$/, "")} already.`, { changed: result.changed });
}
