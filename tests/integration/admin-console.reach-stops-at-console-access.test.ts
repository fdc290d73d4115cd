// Threat: users:write is a way up. A support role that may manage ordinary accounts gives itself (or a
// friend) the admin role or a console permission, or turns the console on an administrator: sets their
// password, resets their access, signs them out, deletes them (decision 057).
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { getConfig } from "@/lib/security/config";
import { CONSOLE_PERMISSIONS, USERS_IMPERSONATE, USERS_READ, USERS_WRITE } from "@/lib/security/core/console-permissions";
import { mayChangeRole } from "@/lib/security/accounts/console-access";
import { findOrCreateRole } from "@/lib/security/accounts/roles";
import { getAuthorization } from "@/lib/security/accounts/users";
import { runAdminAction, type AdminAction } from "@/lib/security/lifecycle/admin-actions";
import { account, rowCount, signedIn, stillWorks } from "../support/datastore";
import { OTHER_STRONG_PASSWORD } from "../support/flows";

async function supportAccount(tag: string) {
  const role = `support-${crypto.randomUUID().slice(0, 8)}`;
  await findOrCreateRole(role, { permissions: [USERS_READ, USERS_WRITE] });
  return { user: await account(tag, [role]), role };
}

async function passwordHash(userId: string): Promise<string | null> {
  const [row] = await (await getDb()).select({ hash: tables.users.passwordHash }).from(tables.users).where(eq(tables.users.id, userId));
  return row?.hash ?? null;
}

describe("console reach (users:write without the admin role)", () => {
  it("cannot give the admin role or a role with a console permission, to itself or anyone", async () => {
    const { user: support } = await supportAccount("support");
    const ordinary = await account("ordinary");
    const impersonators = `impersonators-${crypto.randomUUID().slice(0, 8)}`;
    await findOrCreateRole(impersonators, { permissions: [USERS_IMPERSONATE] });
    for (const [target, role] of [
      [support, getConfig().adminRole],
      [ordinary, getConfig().adminRole],
      [support, impersonators],
      [ordinary, impersonators],
    ] as const) {
      expect(await runAdminAction({ id: support.id }, target.id, "add-role", { role }), `${role} to ${target.email}`).toMatchObject({
        ok: false,
        code: "ADMIN_REQUIRED",
      });
    }
    expect((await getAuthorization(support.id)).permissions.sort()).toEqual([USERS_READ, USERS_WRITE].sort());
    expect((await getAuthorization(ordinary.id)).roles).toEqual([]);
  });

  it("still manages ordinary accounts and ordinary roles, and its own sessions", async () => {
    const { user: support } = await supportAccount("support");
    const ordinary = await account("ordinary");
    const editors = `editors-${crypto.randomUUID().slice(0, 8)}`;
    await findOrCreateRole(editors, { permissions: ["posts:write"] });
    expect(await runAdminAction({ id: support.id }, ordinary.id, "add-role", { role: editors })).toMatchObject({ ok: true });
    expect(await runAdminAction({ id: support.id }, ordinary.id, "remove-role", { role: editors })).toMatchObject({ ok: true });
    expect(await runAdminAction({ id: support.id }, ordinary.id, "set-password", { password: OTHER_STRONG_PASSWORD, confirmed: true })).toMatchObject({
      ok: true,
    });
    await signedIn(support);
    expect(await runAdminAction({ id: support.id }, support.id, "revoke-all-sessions", { confirmed: true })).toMatchObject({ ok: true });
    expect(await rowCount(tables.sessions, support.id)).toBe(0);
  });

  it("cannot change an administrator's or another support account, by any action", async () => {
    const { user: support } = await supportAccount("support");
    const admin = await account("admin", [getConfig().adminRole]);
    const { user: peer, role: peerRole } = await supportAccount("peer");
    const adminHeld = await signedIn(admin);
    const adminHash = await passwordHash(admin.id);
    const actions: [AdminAction, Record<string, unknown>][] = [
      ["set-password", { password: OTHER_STRONG_PASSWORD, confirmed: true }],
      ["reset-access", { confirmed: true }],
      ["reset-two-factor", { confirmed: true }],
      ["reset-passkeys", { confirmed: true }],
      ["deactivate", { confirmed: true }],
      ["delete", { confirmed: true }],
      ["revoke-all-sessions", { confirmed: true }],
      ["revoke-all-tokens", { confirmed: true }],
      ["send-reset-link", {}],
      ["unlock", {}],
    ];
    for (const target of [admin, peer]) {
      for (const [action, input] of actions) {
        expect(await runAdminAction({ id: support.id }, target.id, action, input), `${action} on ${target.email}`).toMatchObject({
          ok: false,
          code: "ADMIN_REQUIRED",
        });
      }
    }
    expect(await runAdminAction({ id: support.id }, admin.id, "remove-role", { role: getConfig().adminRole })).toMatchObject({
      ok: false,
      code: "ADMIN_REQUIRED",
    });
    expect(await runAdminAction({ id: support.id }, peer.id, "remove-role", { role: peerRole })).toMatchObject({ ok: false, code: "ADMIN_REQUIRED" });
    expect(await passwordHash(admin.id)).toBe(adminHash);
    expect(await stillWorks(adminHeld)).toEqual({ session: true, token: true });
    expect((await getAuthorization(admin.id)).roles).toContain(getConfig().adminRole);
    expect((await getAuthorization(peer.id)).roles).toContain(peerRole);
  });

  it("an administrator does all of it, and grants a console role only with every console permission in it", async () => {
    const admin = await account("admin", [getConfig().adminRole]);
    const { user: support, role } = await supportAccount("support");
    expect(await runAdminAction({ id: admin.id }, support.id, "remove-role", { role })).toMatchObject({ ok: true });
    expect(await runAdminAction({ id: admin.id }, support.id, "add-role", { role })).toMatchObject({ ok: true });
    const otherAdmin = await account("other-admin", [getConfig().adminRole]);
    expect(await runAdminAction({ id: admin.id }, otherAdmin.id, "reset-access", { confirmed: true })).toMatchObject({ ok: true });

    const adminRole = getConfig().adminRole;
    const partialAdmin = { roles: [adminRole], permissions: [USERS_READ, USERS_WRITE] };
    expect(mayChangeRole(partialAdmin, { name: "impersonators", permissions: [USERS_IMPERSONATE] }, "add")).toBe(false);
    expect(mayChangeRole(partialAdmin, { name: "impersonators", permissions: [USERS_IMPERSONATE] }, "remove")).toBe(true);
    expect(mayChangeRole(partialAdmin, { name: "support", permissions: [USERS_READ, "posts:write"] }, "add")).toBe(true);
    expect(mayChangeRole({ roles: [adminRole], permissions: [...CONSOLE_PERMISSIONS] }, { name: adminRole, permissions: [] }, "add")).toBe(true);
    expect(mayChangeRole({ roles: [], permissions: [USERS_WRITE] }, { name: "editors", permissions: ["posts:*"] }, "add")).toBe(true);
  });

  it("an administrator whose admin role lacks users:impersonate cannot grant a role carrying it (read from the database)", async () => {
    const db = await getDb();
    const adminRole = getConfig().adminRole;
    const [before] = await db.select({ permissions: tables.roles.permissions }).from(tables.roles).where(eq(tables.roles.name, adminRole));
    const partialAdmin = await account("partial-admin", [adminRole]);
    const ordinary = await account("ordinary");
    const impersonators = `impersonators-${crypto.randomUUID().slice(0, 8)}`;
    await findOrCreateRole(impersonators, { permissions: [USERS_IMPERSONATE] });
    await db
      .update(tables.roles)
      .set({ permissions: [USERS_READ, USERS_WRITE] })
      .where(eq(tables.roles.name, adminRole));
    try {
      expect(await runAdminAction({ id: partialAdmin.id }, ordinary.id, "add-role", { role: impersonators })).toMatchObject({
        ok: false,
        code: "ADMIN_REQUIRED",
      });
      expect((await getAuthorization(ordinary.id)).roles).toEqual([]);
      // Taking it away is within reach: nobody gains by it.
      await db
        .update(tables.roles)
        .set({ permissions: before?.permissions ?? [...CONSOLE_PERMISSIONS] })
        .where(eq(tables.roles.name, adminRole));
      expect(await runAdminAction({ id: partialAdmin.id }, ordinary.id, "add-role", { role: impersonators })).toMatchObject({ ok: true });
      await db
        .update(tables.roles)
        .set({ permissions: [USERS_READ, USERS_WRITE] })
        .where(eq(tables.roles.name, adminRole));
      expect(await runAdminAction({ id: partialAdmin.id }, ordinary.id, "remove-role", { role: impersonators })).toMatchObject({ ok: true });
    } finally {
      await db
        .update(tables.roles)
        .set({ permissions: before?.permissions ?? [...CONSOLE_PERMISSIONS] })
        .where(eq(tables.roles.name, adminRole));
    }
  });
});
