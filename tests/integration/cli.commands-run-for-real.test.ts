// Threat: the operator's command line reports success when it refused (or the reverse), takes a
// password from argv (visible in `ps`), or changes the database in a way the core would not.
// Guarantee: the real command answers with the documented exit codes and JSON, and the rows show it.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { hashToken } from "@/lib/security/core/crypto";
import { verifyPassword } from "@/lib/security/core/password-hash";
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
    // It is now this role's only admin: deactivating or deleting it is refused, and taking the role away.
    expect(await gatehouse(["users", "deactivate", email, "--json"])).toMatchObject({ code: 1, json: { ok: false, code: "LAST_ADMIN" } });
    expect(await gatehouse(["users", "delete", email, "--yes", "--json"])).toMatchObject({ code: 1, json: { ok: false, code: "LAST_ADMIN" } });
    expect(await gatehouse(["users", "remove-role", email, ADMIN, "--json"])).toMatchObject({ code: 1, json: { ok: false, code: "LAST_ADMIN" } });
    expect(await findUserByEmail(email)).not.toBeNull();
    expect(await gatehouse(["users", "remove-role", email, editor, "--json"])).toMatchObject({ code: 0, json: { ok: true, changed: true, roles: [ADMIN] } });
    expect((await getAuthorization(user!.id)).roles).toEqual([ADMIN]);

    const target = await account("cli-target");
    const held = await signedIn(target);
    expect(await gatehouse(["--json", "users", "deactivate", target.email])).toMatchObject({ code: 0, json: { ok: true, changed: true } });
    expect(await stillWorks(held)).toEqual({ session: false, token: false });
    expect(await gatehouse(["users", "activate", target.email, "--json"])).toMatchObject({ code: 0, json: { ok: true, changed: true } });
    expect((await findUserByEmail(target.email))?.active).toBe(true);
    expect(await gatehouse(["users", "activate", uniqueEmail("nobody"), "--json"])).toMatchObject({ code: 1, json: { code: "USER_DOES_NOT_EXIST" } });
    expect(await gatehouse(["users", "add-role", target.email, uniqueRole("typo"), "--json"])).toMatchObject({
      code: 1,
      json: { code: "ROLE_DOES_NOT_EXIST" },
    });
    expect(await gatehouse(["users", "add-role", target.email, editor, "--json"])).toMatchObject({
      code: 0,
      json: { ok: true, changed: true, roles: [editor] },
    });
    expect((await getAuthorization(target.id)).roles).toEqual([editor]);

    // A weak password is refused and changes nothing; a good one is read from stdin by the real process.
    const weakChange = await gatehouse(["users", "change-password", target.id, "--json"], { env: { GATEHOUSE_PASSWORD: "password" } });
    expect(weakChange).toMatchObject({ code: 1, json: { ok: false, code: "PASSWORD_TOO_COMMON" } });
    expect((await findUserByEmail(target.email))?.passwordHash).toBe(target.passwordHash);
    const changed = await spawned(["users", "change-password", target.email, "--password-stdin", "--json"], { input: `${OTHER_STRONG_PASSWORD}\n` });
    expect(changed, changed.stderr).toMatchObject({ code: 0, json: { ok: true } });
    expect((await latestMail(target.email))?.subject).toBe("Gatehouse: Your password was changed");
    const newHash = (await findUserByEmail(target.email))?.passwordHash;
    expect(newHash).not.toBe(target.passwordHash);
    // The line stdin carried, without its newline, is the password now.
    expect(await verifyPassword(newHash!, OTHER_STRONG_PASSWORD)).toBe(true);

    expect(await gatehouse(["users", "reset-access", target.email, "--json"])).toMatchObject({ code: 0, json: { ok: true, twoFactor: 0, passkeys: 0 } });
    const listed = await gatehouse(["users", "list", "--search", target.email, "--json"]);
    expect(listed.json?.users).toEqual([expect.objectContaining({ id: target.id, email: target.email, active: true, roles: [editor] })]);

    // Deleting cannot be undone: without --yes it is a usage error and the account stays.
    expect(await gatehouse(["users", "delete", target.email, "--json"])).toMatchObject({ code: 2, json: { ok: false, code: "USAGE" } });
    expect(await findUserByEmail(target.email)).not.toBeNull();
    expect(await gatehouse(["users", "delete", target.email, "--yes", "--json"])).toMatchObject({ code: 0, json: { ok: true, email: target.email } });
    expect(await findUserByEmail(target.email)).toBeNull();
  });
});

describe("npm run gatehouse -- roles …, db …", () => {
  it("creates, edits and deletes roles with validated permissions, and refuses a configured role", { timeout: 600_000 }, async () => {
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

    const removed = await gatehouse(["roles", "remove-permissions", name, "posts:write,users:read", "--json"]);
    expect(removed).toMatchObject({ code: 0, json: { ok: true, changed: true, permissions: ["posts:read"] } });
    expect((await findRole(name))?.permissions).toEqual(["posts:read"]);
    // Deleting a role takes it from its holders too.
    const holder = await account("cli-holder", [name]);
    expect(await gatehouse(["roles", "delete", name, "--json"])).toMatchObject({ code: 0, json: { ok: true, users: 1 } });
    expect(await findRole(name)).toBeNull();
    expect((await getAuthorization(holder.id)).roles).toEqual([]);
  });

  it("db migrate as its own process, and db prune: the dry run counts an expired row, the real run removes it", { timeout: 600_000 }, async () => {
    const migrated = await spawned(["db", "migrate", "--json"]);
    expect(migrated, migrated.stderr).toMatchObject({ code: 0, json: { ok: true, driver: expect.stringMatching(/^(pglite|postgres)/) } });
    expect(typeof migrated.json?.adminRoleUpdated).toBe("boolean");

    const { session } = await signedIn(await account("cli-prune"));
    const hash = hashToken(session);
    await (
      await getDb()
    )
      .update(tables.sessions)
      .set({ expiresAt: new Date(Date.now() - 60_000) })
      .where(eq(tables.sessions.tokenHash, hash));
    // Each spawn closes this process's handle (one PGlite owner at a time): getDb() reopens it.
    const sessionRows = async () => (await (await getDb()).select().from(tables.sessions).where(eq(tables.sessions.tokenHash, hash))).length;
    const dry = await spawned(["db", "prune", "--dry-run", "--json"]);
    expect(dry).toMatchObject({ code: 0, json: { ok: true, dryRun: true, counts: { sessions: expect.any(Number) } } });
    expect((dry.json?.counts as { sessions: number }).sessions).toBeGreaterThanOrEqual(1);
    expect(await sessionRows()).toBe(1);
    const real = await gatehouse(["db", "prune", "--json"]);
    expect(real).toMatchObject({ code: 0, json: { ok: true, dryRun: false } });
    expect((real.json?.counts as { sessions: number }).sessions).toBeGreaterThanOrEqual(1);
    expect(await sessionRows()).toBe(0);
  });
});
