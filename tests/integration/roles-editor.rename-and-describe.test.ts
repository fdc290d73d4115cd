// Threat: renaming a role silently changes who is an admin (a role renamed *to* the admin role's name,
// or the admin role renamed away), or two renames to one name leave two roles with it.
// Guarantee: configured names are refused both ways, holders keep the role, names stay unique, it is logged.
import { describe, expect, it } from "vitest";
import { addPermissionsToRole, createRole, findOrCreateRole, findRole, removePermissionsFromRole } from "@/lib/security/accounts/roles";
import { describeRole, renameRole } from "@/lib/security/accounts/role-edits";
import { getAuthorization } from "@/lib/security/accounts/users";
import { account, eventData, uniqueRole } from "../support/datastore";
import { withEnvForTheFile } from "../support/flows";

const ADMIN = uniqueRole("admin");
const REQUIRED = uniqueRole("needs-2fa");
withEnvForTheFile({ SECURITY_ADMIN_ROLE: ADMIN, SECURITY_TWO_FACTOR_REQUIRED_ROLES: REQUIRED });

describe("renameRole", () => {
  it("renames in place: the holders keep the role under its new name, and the admin's log says so", async () => {
    const name = uniqueRole("editor");
    const to = uniqueRole("writer");
    await createRole({ name, permissions: ["posts:write"] });
    const holder = await account("holder", [name]);
    const admin = await account("renamer");
    expect(await renameRole(name, ` ${to} `, { actorId: admin.id })).toMatchObject({ ok: true, role: { name: to, permissions: ["posts:write"] } });
    expect(await findRole(name)).toBeNull();
    expect(await getAuthorization(holder.id)).toEqual({ roles: [to], permissions: ["posts:write"] });
    expect(await eventData(admin.id, "role_renamed")).toEqual([{ role: to, from: name }]);
  });

  it("refuses the configured roles, and renaming any role to a configured name", async () => {
    await findOrCreateRole(ADMIN);
    const support = uniqueRole("support");
    await createRole({ name: support });
    const agent = await account("agent", [support]);
    expect(await renameRole(ADMIN, uniqueRole("x"))).toMatchObject({ ok: false, code: "ROLE_RENAME_REQUIRED_BY_CONFIG" });
    expect(await renameRole(REQUIRED, uniqueRole("x"))).toMatchObject({ ok: false, code: "ROLE_RENAME_REQUIRED_BY_CONFIG" });
    // Renaming "support" to the admin role's (not yet created) name would make every agent an admin.
    expect(await renameRole(support, REQUIRED)).toMatchObject({ ok: false, code: "ROLE_RENAME_REQUIRED_BY_CONFIG" });
    expect(await renameRole(support, ADMIN)).toMatchObject({ ok: false, code: "ROLE_RENAME_REQUIRED_BY_CONFIG" });
    expect((await getAuthorization(agent.id)).roles).toEqual([support]);
  });

  it("refuses bad and taken names, and two renames to one free name let exactly one through", async () => {
    const a = uniqueRole("a");
    const b = uniqueRole("b");
    await createRole({ name: a });
    await createRole({ name: b });
    expect(await renameRole(a, "has space")).toMatchObject({ ok: false, code: "ROLE_NAME_INVALID" });
    expect(await renameRole(a, b)).toMatchObject({ ok: false, code: "ROLE_ALREADY_EXISTS", fieldErrors: { name: [expect.any(String)] } });
    expect(await renameRole(uniqueRole("missing"), uniqueRole("new"))).toMatchObject({ ok: false, code: "ROLE_DOES_NOT_EXIST" });
    const target = uniqueRole("target");
    const both = await Promise.all([renameRole(a, target), renameRole(b, target)]);
    expect(both.filter((r) => r.ok)).toHaveLength(1);
    expect(both.filter((r) => !r.ok)).toEqual([expect.objectContaining({ code: "ROLE_ALREADY_EXISTS" })]);
  });
});

describe("the admin role's permissions", () => {
  it("keep roles:write (the console could not give it back); the others may go", async () => {
    await findOrCreateRole(ADMIN);
    await addPermissionsToRole(ADMIN, ["roles:write", "users:impersonate"]);
    expect(await removePermissionsFromRole(ADMIN, "roles:write")).toMatchObject({ ok: false, code: "ROLE_PERMISSION_KEPT" });
    expect(await removePermissionsFromRole(ADMIN, "users:impersonate")).toMatchObject({ ok: true, permissions: ["roles:write"] });
    const other = uniqueRole("other");
    await createRole({ name: other, permissions: ["roles:write"] });
    expect(await removePermissionsFromRole(other, "roles:write")).toMatchObject({ ok: true, permissions: [] });
  });
});

describe("describeRole", () => {
  it("sets and clears a description, the configured roles too, bounded in length, logged once per change", async () => {
    await createRole({ name: REQUIRED });
    const admin = await account("describer");
    expect(await describeRole(REQUIRED, "  People with two-factor  ", { actorId: admin.id })).toMatchObject({
      ok: true,
      role: { description: "People with two-factor" },
    });
    expect(await describeRole(REQUIRED, "People with two-factor", { actorId: admin.id })).toMatchObject({ ok: true });
    expect(await describeRole(REQUIRED, "x".repeat(501))).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await describeRole(REQUIRED, "")).toMatchObject({ ok: true, role: { description: null } });
    expect(await describeRole(uniqueRole("missing"), "x")).toMatchObject({ ok: false, code: "ROLE_DOES_NOT_EXIST" });
    expect(await eventData(admin.id, "role_description_changed")).toEqual([{ role: REQUIRED }]);
  });
});
