// Threat: a typo grants a permission nothing checks, deleting a role the configuration names changes
// who is an admin, or two admins removing each other's admin role at once leave nobody in charge.
// Guarantee: names and permissions are validated, configured roles stay, and one admin always remains.
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { addPermissionsToRole, createRole, deleteRole, findRole, listRoles, removePermissionsFromRole } from "@/lib/security/accounts/roles";
import { addRoleToUser, removeRoleFromUser } from "@/lib/security/accounts/user-roles";
import { getAuthorization } from "@/lib/security/accounts/users";
import { account, eventData, rowCount, uniqueRole } from "../support/datastore";
import { withEnv, withEnvForTheFile } from "../support/flows";

const ADMIN = uniqueRole("admin");
const REQUIRED = uniqueRole("needs-2fa");
withEnvForTheFile({ SECURITY_ADMIN_ROLE: ADMIN, SECURITY_TWO_FACTOR_REQUIRED_ROLES: REQUIRED });

describe("roles", () => {
  it("are created with validated names and resource:action permissions, once", async () => {
    const name = uniqueRole("editor");
    for (const bad of ["", " ", "a b", "x".repeat(65), "ed\u0000itor", "-lead", "rôle"]) {
      expect(await createRole({ name: bad }), JSON.stringify(bad)).toMatchObject({ ok: false, code: "ROLE_NAME_INVALID" });
    }
    for (const bad of ["posts", "posts:", ":read", "Posts:Read", "posts:read:all", "posts read", "posts:re ad", "a:b\u0000"]) {
      expect(await createRole({ name, permissions: [bad] }), bad).toMatchObject({ ok: false, code: "PERMISSION_INVALID" });
    }
    expect(await findRole(name)).toBeNull();
    const created = await createRole({ name, description: "Edits posts", permissions: "posts:write, posts:read,posts:read" });
    expect(created).toMatchObject({ ok: true, role: { name, description: "Edits posts", permissions: ["posts:write", "posts:read"] } });
    expect(await createRole({ name })).toMatchObject({ ok: false, code: "ROLE_ALREADY_EXISTS" });
    // Two at once: the unique index lets one through.
    const again = uniqueRole("twice");
    const both = await Promise.all([createRole({ name: again }), createRole({ name: again })]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect((await listRoles()).find((r) => r.name === name)).toMatchObject({ users: 0, permissions: ["posts:write", "posts:read"] });
  });

  it("gain and lose permissions in one statement each: two editors at once both keep theirs", async () => {
    const name = uniqueRole("perm");
    const admin = await account("perm-admin");
    await createRole({ name, permissions: ["posts:read"] });
    expect(await addPermissionsToRole(uniqueRole("missing"), ["posts:read"])).toMatchObject({ ok: false, code: "ROLE_DOES_NOT_EXIST" });
    expect(await addPermissionsToRole(name, ["not a permission"])).toMatchObject({ ok: false, code: "PERMISSION_INVALID" });
    await Promise.all([addPermissionsToRole(name, ["posts:write"], { actorId: admin.id }), addPermissionsToRole(name, "users:*")]);
    expect((await findRole(name))?.permissions).toEqual(["posts:read", "posts:write", "users:*"]);
    expect(await addPermissionsToRole(name, ["posts:read"])).toEqual({ ok: true, changed: false, permissions: ["posts:read", "posts:write", "users:*"] });
    expect(await removePermissionsFromRole(name, "posts:read,users:*")).toEqual({ ok: true, changed: true, permissions: ["posts:write"] });
    expect(await eventData(admin.id, "role_permissions_changed")).toEqual([{ role: name, added: ["posts:write"] }]);
  });

  it("are deleted with their grants, but never one the configuration names", async () => {
    expect(await createRole({ name: ADMIN })).toMatchObject({ ok: true });
    expect(await deleteRole(ADMIN)).toMatchObject({ ok: false, code: "ROLE_REQUIRED_BY_CONFIG" });
    expect(await deleteRole(REQUIRED)).toMatchObject({ ok: false, code: "ROLE_REQUIRED_BY_CONFIG" });
    expect(await deleteRole(uniqueRole("missing"))).toMatchObject({ ok: false, code: "ROLE_DOES_NOT_EXIST" });
    const name = uniqueRole("gone");
    await createRole({ name, permissions: ["posts:read"] });
    const holder = await account("holder", [name]);
    const admin = await account("deleter");
    expect(await deleteRole(name, { actorId: admin.id })).toEqual({ ok: true, users: 1 });
    expect(await findRole(name)).toBeNull();
    expect(await getAuthorization(holder.id)).toEqual({ roles: [], permissions: [] });
    expect(await eventData(holder.id, "role_removed")).toEqual([{ role: name, roleDeleted: true, by: admin.id }]);
    expect(await eventData(admin.id, "role_deleted")).toEqual([{ role: name, users: 1 }]);
  });
});

describe("a user's roles", () => {
  it("are added and removed with events on the user and the admin; the console's calls refuse a role that does not exist", async () => {
    const name = uniqueRole("ops");
    await createRole({ name, permissions: ["ops:run"] });
    const admin = await account("role-admin");
    const user = await account("role-user");
    expect(await addRoleToUser(user.id, uniqueRole("typo"), { createRole: false })).toMatchObject({ ok: false, code: "ROLE_DOES_NOT_EXIST" });
    expect(await addRoleToUser(crypto.randomUUID(), name)).toMatchObject({ ok: false, code: "USER_DOES_NOT_EXIST" });
    expect(await addRoleToUser("nope", name)).toMatchObject({ ok: false, code: "USER_DOES_NOT_EXIST" });
    expect(await addRoleToUser(user.id, name, { actorId: admin.id, createRole: false })).toEqual({ ok: true, changed: true });
    expect(await addRoleToUser(user.id, name)).toEqual({ ok: true, changed: false });
    expect(await getAuthorization(user.id)).toEqual({ roles: [name], permissions: ["ops:run"] });
    expect(await removeRoleFromUser(user.id, name, { actorId: admin.id })).toEqual({ ok: true, changed: true });
    expect(await removeRoleFromUser(user.id, name)).toEqual({ ok: true, changed: false });
    expect(await removeRoleFromUser(user.id, uniqueRole("missing"))).toMatchObject({ ok: false, code: "ROLE_DOES_NOT_EXIST" });
    expect(await eventData(user.id, "role_added")).toEqual([{ role: name, by: admin.id }]);
    expect(await eventData(admin.id, "admin_action")).toEqual([
      { action: "role_added", userId: user.id, role: name },
      { action: "role_removed", userId: user.id, role: name },
    ]);
  });

  it("keep one admin when the last two remove each other's admin role at once, and an admin cannot demote themselves", async () => {
    const role = uniqueRole("admin-race");
    await withEnv({ SECURITY_ADMIN_ROLE: role }, async () => {
      const a = await account("admin-a", [role]);
      const b = await account("admin-b", [role]);
      expect(await removeRoleFromUser(a.id, role, { actorId: a.id })).toMatchObject({ ok: false, code: "ADMIN_SELF_CHANGE" });
      const results = await Promise.all([removeRoleFromUser(a.id, role, { actorId: b.id }), removeRoleFromUser(b.id, role, { actorId: a.id })]);
      expect(results.filter((r) => r.ok)).toHaveLength(1);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: "LAST_ADMIN" }]);
      expect((await rowCount(tables.userRoles, a.id)) + (await rowCount(tables.userRoles, b.id))).toBe(1);
      const db = await getDb();
      expect((await db.select().from(tables.roles)).some((r) => r.name === role)).toBe(true);
    });
  });
});
