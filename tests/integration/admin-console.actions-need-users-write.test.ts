// Threat: a console action runs for someone without users:write (a support role that may only read),
// on an id that is not an account, without its confirmation, or lets an admin lock themselves out —
// and what an admin did is missing from either activity log.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { USERS_READ } from "@/lib/security/core/console-permissions";
import { findOrCreateRole } from "@/lib/security/accounts/roles";
import { createUser, type UserRecord } from "@/lib/security/accounts/users";
import { runAdminAction, type AdminActor } from "@/lib/security/lifecycle/admin-actions";
import { loadAdminUserView } from "@/lib/security/lifecycle/admin-user-view";
import { getConfig } from "@/lib/security/config";
import { saveMethod } from "../support/two-factor";

async function newUser(roles: string[] = []): Promise<UserRecord> {
  const user = await createUser({ email: `${crypto.randomUUID()}@example.com`, password: "a long enough passphrase", confirmed: true, roles });
  if (!user) throw new Error("no user");
  return user;
}

async function eventTypes(userId: string): Promise<string[]> {
  const rows = await (await getDb()).select().from(tables.securityEvents).where(eq(tables.securityEvents.userId, userId));
  return rows.map((r) => r.type);
}

describe("admin console actions", () => {
  it("refuse an actor without users:write, whatever the action", async () => {
    const target = await newUser();
    await findOrCreateRole(`reader-${target.id}`, { permissions: [USERS_READ] });
    const reader: AdminActor = { id: (await newUser([`reader-${target.id}`])).id };
    for (const action of ["deactivate", "unlock", "reset-access", "delete", "add-role"] as const) {
      expect(await runAdminAction(reader, target.id, action, { confirmed: true, role: getConfig().adminRole }), action).toMatchObject({
        ok: false,
        code: "UNAUTHORIZED",
      });
    }
    const [row] = await (await getDb()).select().from(tables.users).where(eq(tables.users.id, target.id));
    expect(row?.active).toBe(true);
  });

  it("answer an id that is not a UUID or names no account with USER_DOES_NOT_EXIST, and the page's view with null", async () => {
    const admin: AdminActor = { id: (await newUser([getConfig().adminRole])).id };
    for (const id of ["nope", "'; drop table users; --", crypto.randomUUID(), ""]) {
      expect(await runAdminAction(admin, id, "activate")).toMatchObject({ ok: false, code: "USER_DOES_NOT_EXIST" });
      expect(await loadAdminUserView(id)).toBeNull();
    }
  });

  it("do nothing destructive without the confirmation, and never deactivate or delete the acting admin", async () => {
    const adminUser = await newUser([getConfig().adminRole]);
    await newUser([getConfig().adminRole]); // not the last admin: the self-check is what refuses
    const admin: AdminActor = { id: adminUser.id };
    const target = await newUser();
    expect(await runAdminAction(admin, target.id, "deactivate")).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await runAdminAction(admin, target.id, "delete", { confirmed: false })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await runAdminAction(admin, admin.id, "deactivate", { confirmed: true })).toMatchObject({ ok: false, code: "ADMIN_SELF_CHANGE" });
    expect(await runAdminAction(admin, admin.id, "delete", { confirmed: true })).toMatchObject({ ok: false, code: "ADMIN_SELF_CHANGE" });
    expect(await runAdminAction(admin, admin.id, "remove-role", { role: getConfig().adminRole })).toMatchObject({ ok: false, code: "ADMIN_SELF_CHANGE" });
    expect((await loadAdminUserView(target.id))?.user.active).toBe(true);
    expect((await loadAdminUserView(admin.id))?.roles).toContain(getConfig().adminRole);
  });

  it("write each action to the user's log and the admin's, and do what they say", async () => {
    const admin: AdminActor = { id: (await newUser([getConfig().adminRole])).id };
    const target = await newUser();
    const db = await getDb();
    await db.update(tables.users).set({ failedLoginCount: 100, confirmedAt: null }).where(eq(tables.users.id, target.id));
    await saveMethod(target.id, "authenticator");
    expect(await runAdminAction(admin, target.id, "unlock")).toMatchObject({ ok: true });
    expect(await runAdminAction(admin, target.id, "confirm-email")).toMatchObject({ ok: true });
    expect(await runAdminAction(admin, target.id, "deactivate", { confirmed: true })).toMatchObject({ ok: true });
    expect(await runAdminAction(admin, target.id, "activate")).toMatchObject({ ok: true });
    expect(await runAdminAction(admin, target.id, "reset-access", { confirmed: true })).toMatchObject({ ok: true });
    expect(await runAdminAction(admin, target.id, "send-reset-link")).toMatchObject({ ok: true });
    const view = await loadAdminUserView(target.id);
    expect(view?.user).toMatchObject({ locked: false, active: true });
    expect(view?.user.confirmedAt).not.toBeNull();
    expect(view?.twoFactor).toBeNull();
    const userLog = await eventTypes(target.id);
    for (const type of ["account_unlocked", "user_confirmed", "user_deactivated", "user_activated", "access_reset", "reset_password_instructions_sent"])
      expect(userLog).toContain(type);
    const adminLog = (await db.select().from(tables.securityEvents).where(eq(tables.securityEvents.userId, admin.id))).filter((e) => e.type === "admin_action");
    expect(adminLog.map((e) => (e.data as { action?: string }).action)).toEqual(
      expect.arrayContaining(["account_unlocked", "user_confirmed", "user_deactivated", "user_activated", "access_reset", "reset_password_instructions_sent"]),
    );
    expect(await runAdminAction(admin, target.id, "delete", { confirmed: true })).toMatchObject({ ok: true });
    expect(await loadAdminUserView(target.id)).toBeNull();
    const afterDelete = await db.select().from(tables.securityEvents).where(eq(tables.securityEvents.userId, admin.id));
    expect(afterDelete.some((e) => e.type === "admin_action" && (e.data as { action?: string }).action === "user_deleted")).toBe(true);
  });
});
