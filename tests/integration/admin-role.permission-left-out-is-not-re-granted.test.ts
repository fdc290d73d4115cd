// Threat: an operator takes users:impersonate (or any console permission) from the admin role and the
// next start quietly gives it back (decision 040), so "switch impersonation off" is impossible; or the
// setting is misread (a typo grants nothing, a blank grants nothing) and the console locks its admins out.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it } from "vitest";

const { getDb, tables } = await import("@/lib/db");
const { getConfig, loadConfig, resetConfig } = await import("@/lib/security/config");
const { ensureAdminRole } = await import("@/lib/security/accounts/admin-role");
const { CONSOLE_PERMISSIONS, USERS_IMPERSONATE, USERS_READ, USERS_WRITE, ROLES_WRITE } = await import("@/lib/security/core/console-permissions");

async function adminRolePermissions(): Promise<string[]> {
  const [role] = await (await getDb()).select().from(tables.roles).where(eq(tables.roles.name, getConfig().adminRole));
  return [...(role?.permissions ?? [])].sort();
}

async function setAdminRolePermissions(permissions: string[]): Promise<void> {
  await (await getDb()).update(tables.roles).set({ permissions }).where(eq(tables.roles.name, getConfig().adminRole));
}

function withSetting(value: string | undefined): void {
  if (value === undefined) delete process.env.SECURITY_ADMIN_ROLE_PERMISSIONS;
  else process.env.SECURITY_ADMIN_ROLE_PERMISSIONS = value;
  resetConfig();
}

afterEach(() => withSetting(undefined));

describe("SECURITY_ADMIN_ROLE_PERMISSIONS (decision 053)", () => {
  it("reads all four by default and when blank, none from 'none', a subset as given, and refuses an unknown name", () => {
    expect(loadConfig({}).adminRolePermissions).toEqual([...CONSOLE_PERMISSIONS]);
    expect(loadConfig({ SECURITY_ADMIN_ROLE_PERMISSIONS: "" }).adminRolePermissions).toEqual([...CONSOLE_PERMISSIONS]);
    expect(loadConfig({ SECURITY_ADMIN_ROLE_PERMISSIONS: "none" }).adminRolePermissions).toEqual([]);
    expect(loadConfig({ SECURITY_ADMIN_ROLE_PERMISSIONS: " users:read, users:write,users:read" }).adminRolePermissions).toEqual([USERS_READ, USERS_WRITE]);
    expect(() => loadConfig({ SECURITY_ADMIN_ROLE_PERMISSIONS: "users:read,users:impersonat" })).toThrow(/SECURITY_ADMIN_ROLE_PERMISSIONS.*users:impersonat/);
  });

  it("by default gives a removed users:impersonate back at the next start (decision 040 unchanged)", async () => {
    await ensureAdminRole();
    await setAdminRolePermissions([USERS_READ, USERS_WRITE, ROLES_WRITE]);
    expect(await ensureAdminRole()).toBe(true);
    expect(await adminRolePermissions()).toContain(USERS_IMPERSONATE);
  });

  it("without users:impersonate in the list, a removed users:impersonate stays removed, and the listed ones are still ensured", async () => {
    await ensureAdminRole();
    withSetting(`${USERS_READ},${USERS_WRITE},${ROLES_WRITE}`);
    await setAdminRolePermissions([USERS_READ, "posts:write"]);
    expect(await ensureAdminRole()).toBe(true);
    expect(await adminRolePermissions()).toEqual([USERS_READ, USERS_WRITE, ROLES_WRITE, "posts:write"].sort());
    // Every later start: nothing to do, and impersonation stays off.
    expect(await ensureAdminRole()).toBe(false);
    expect(await adminRolePermissions()).not.toContain(USERS_IMPERSONATE);
    // Nor does the setting take away what the role holds: granting it again in the roles editor sticks.
    await setAdminRolePermissions([...CONSOLE_PERMISSIONS]);
    expect(await ensureAdminRole()).toBe(false);
    expect(await adminRolePermissions()).toContain(USERS_IMPERSONATE);
  });

  it("with 'none', start-up changes nothing, and an admin role first named then has no console permission", async () => {
    await ensureAdminRole();
    withSetting("none");
    await setAdminRolePermissions(["posts:write"]);
    expect(await ensureAdminRole()).toBe(false);
    expect(await adminRolePermissions()).toEqual(["posts:write"]);
    await (await getDb()).delete(tables.roles).where(eq(tables.roles.name, getConfig().adminRole));
    expect(await ensureAdminRole()).toBe(true);
    expect(await adminRolePermissions()).toEqual([]);
  });
});
