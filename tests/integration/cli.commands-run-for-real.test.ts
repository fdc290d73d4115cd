// Threat: the operator's command line reports success when it refused (or the reverse), takes a
// password from argv (visible in `ps`), or changes the database in a way the core would not.
// Guarantee: the real command answers with the documented exit codes and JSON, and the rows show it.
import { afterEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { findRole } from "@/lib/security/accounts/roles";
import { findUserByEmail, getAuthorization } from "@/lib/security/accounts/users";
import { runGatehouseHere, spawnGatehouse, type Ran, type SpawnOptions } from "../support/cli";
import { account, signedIn, stillWorks, uniqueRole } from "../support/datastore";
import { latestMail, OTHER_STRONG_PASSWORD, STRONG_PASSWORD, uniqueEmail } from "../support/flows";

// Every run of this file uses its own admin role, so the shared PostgreSQL's other admins do not count.
const ADMIN = uniqueRole("cli-admin");
const CLI_ENV = { SECURITY_ADMIN_ROLE: ADMIN, GATEHOUSE_PASSWORD: "", ADMIN_PASSWORD: "" };

/** The command, spawned as an operator runs it (stdin, argv, the npm aliases, exit codes). */
const spawned = (args: string[], options: SpawnOptions = {}): Promise<Ran> => spawnGatehouse(args, { ...options, env: { ...CLI_ENV, ...options.env } });
/** The same program in this process (seconds cheaper per command). */
const gatehouse = (args: string[], options: { env?: Record<string, string> } = {}): Promise<Ran> =>
  runGatehouseHere(args, { env: { ...CLI_ENV, ...options.env } });

afterEach(() => {
  // A command's own exit code must never become the test runner's.
  process.exitCode = undefined;
});

describe("npm run gatehouse -- users …", () => {
  it("creates, refuses, changes and deletes accounts with exit codes 0, 1 and 2", { timeout: 600_000 }, async () => {
    const email = uniqueEmail("cli");
    const editor = uniqueRole("cli-editor");

    const created = await spawned(["users", "create", email, "--role", editor, "--password-stdin", "--json"], { input: `${STRONG_PASSWORD}\n` });
    expect(created, created.stderr).toMatchObject({ code: 0, json: { ok: true, created: true, roles: [editor], confirmed: true } });
    const user = await findUserByEmail(email);
    expect(user?.confirmedAt).not.toBeNull();
    expect((await getAuthorization(user!.id)).roles).toEqual([editor]);

    // No password source: a usage error, never an account without the password the operator meant.
    const other = uniqueEmail("cli-nopw");
    expect(await spawned(["users", "create", other, "--json"])).toMatchObject({ code: 2, json: { ok: false, code: "USAGE" } });
    // A password as an argument is not an option at all.
    expect((await spawned(["users", "create", other, "--password", STRONG_PASSWORD])).code).toBe(2);
    const weak = await gatehouse(["users", "create", other, "--unconfirmed", "--json"], { env: { GATEHOUSE_PASSWORD: "password" } });
    expect(weak).toMatchObject({ code: 1, json: { ok: false, code: "PASSWORD_TOO_COMMON" } });
    expect(await findUserByEmail(other)).toBeNull();

    // The alias the e2e web server and the README use: an existing account gets the admin role.
    const alias = await spawned([email], { npmScript: "admin:create" });
    expect(alias.code, alias.stderr).toBe(0);
    expect((await getAuthorization(user!.id)).roles.sort()).toEqual([ADMIN, editor].sort());
    // It is now this role's only admin: deactivating it is refused.
    expect(await gatehouse(["users", "deactivate", email, "--json"])).toMatchObject({ code: 1, json: { ok: false, code: "LAST_ADMIN" } });

    const target = await account("cli-target");
    const held = await signedIn(target);
    expect(await gatehouse(["--json", "users", "deactivate", target.email])).toMatchObject({ code: 0, json: { ok: true, changed: true } });
    expect(await stillWorks(held)).toEqual({ session: false, token: false });
    expect(await gatehouse(["users", "activate", uniqueEmail("nobody"), "--json"])).toMatchObject({ code: 1, json: { code: "USER_DOES_NOT_EXIST" } });
    expect(await gatehouse(["users", "add-role", target.email, uniqueRole("typo"), "--json"])).toMatchObject({
      code: 1,
      json: { code: "ROLE_DOES_NOT_EXIST" },
    });

    const changed = await gatehouse(["users", "change-password", target.id], { env: { GATEHOUSE_PASSWORD: OTHER_STRONG_PASSWORD } });
    expect(changed.code, changed.stderr).toBe(0);
    expect((await latestMail(target.email))?.subject).toBe("Gatehouse: Your password was changed");
    expect((await findUserByEmail(target.email))?.passwordHash).not.toBe(target.passwordHash);

    expect(await gatehouse(["users", "reset-access", target.email, "--json"])).toMatchObject({ code: 0, json: { ok: true, twoFactor: 0, passkeys: 0 } });
    const listed = await gatehouse(["users", "list", "--search", target.email, "--json"]);
    expect(listed.json?.users).toEqual([expect.objectContaining({ id: target.id, email: target.email, active: false })]);

    expect(await gatehouse(["users", "delete", target.email, "--yes", "--json"])).toMatchObject({ code: 0, json: { ok: true, email: target.email } });
    expect(await findUserByEmail(target.email)).toBeNull();
  });
});

describe("npm run gatehouse -- roles …, db …", () => {
  it("creates and edits roles with validated permissions, refuses a configured role, and prunes", { timeout: 600_000 }, async () => {
    const name = uniqueRole("cli-role");
    expect(await spawned(["roles", "create", name, "--permissions", "posts:read,Not Valid", "--json"])).toMatchObject({
      code: 1,
      json: { code: "PERMISSION_INVALID" },
    });
    expect(await findRole(name)).toBeNull();
    const created = await gatehouse(["roles", "create", name, "--description", "Reads posts", "--permissions", "posts:read", "--json"]);
    expect(created).toMatchObject({ code: 0, json: { ok: true, role: { name, permissions: ["posts:read"] } } });
    const added = await gatehouse(["roles", "add-permissions", name, "posts:write", "users:read", "--json"]);
    expect(added).toMatchObject({ code: 0, json: { ok: true, changed: true, permissions: ["posts:read", "posts:write", "users:read"] } });
    expect((await findRole(name))?.permissions).toEqual(["posts:read", "posts:write", "users:read"]);
    await (await getDb()).insert(tables.roles).values({ name: ADMIN }).onConflictDoNothing();
    expect(await gatehouse(["roles", "delete", ADMIN, "--json"])).toMatchObject({ code: 1, json: { code: "ROLE_REQUIRED_BY_CONFIG" } });
    const listed = await gatehouse(["roles", "list", "--json"]);
    expect((listed.json?.roles as { name: string }[]).map((r) => r.name)).toEqual(expect.arrayContaining([name, ADMIN]));

    const pruned = await spawned(["db", "prune", "--dry-run", "--json"]);
    expect(pruned).toMatchObject({ code: 0, json: { ok: true, dryRun: true } });
  });
});
