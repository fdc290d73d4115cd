// Threat: a console action runs for someone without users:write (a support role that may only read),
// on an id that is not an account, without its confirmation, or lets an admin lock themselves out —
// and what an admin did is missing from either activity log, or an action removes more (or less) than it says.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { USERS_READ } from "@/lib/security/core/console-permissions";
import { findOrCreateRole } from "@/lib/security/accounts/roles";
import { createUser, type UserRecord } from "@/lib/security/accounts/users";
import { runAdminAction, type AdminActor } from "@/lib/security/lifecycle/admin-actions";
import { loadAdminUserView } from "@/lib/security/lifecycle/admin-user-view";
import { getConfig } from "@/lib/security/config";
import { hashToken } from "@/lib/security/core/crypto";
import { verifyPassword } from "@/lib/security/core/password-hash";
import { generateRecoveryCodes, recoveryCodeStatus } from "@/lib/security/recovery-codes/store";
import { sessionPublicId } from "@/lib/security/sessions/store";
import { exchangeRefreshToken, issueTokenPair } from "@/lib/security/sessions/refresh-tokens";
import { eventData, signedIn, stillWorks } from "../support/datastore";
import { latestMail, newCtx, OTHER_STRONG_PASSWORD } from "../support/flows";
import { passkeysOf } from "../support/passkeys";
import { saveMethod, twoFactorRow } from "../support/two-factor";
import { addMethod, methodsOf } from "../support/unified";

async function newUser(roles: string[] = []): Promise<UserRecord> {
  const user = await createUser({ email: `${crypto.randomUUID()}@example.com`, password: "a long enough passphrase", confirmed: true, roles });
  if (!user) throw new Error("no user");
  return user;
}

/** The admin's `admin_action` events about `userId`, as their data (what action, with its details). */
async function adminActions(adminId: string, userId: string): Promise<Record<string, unknown>[]> {
  return (await eventData(adminId, "admin_action")).filter((d) => d.userId === userId);
}

/** The id the console shows a session or token by (the page's form posts it as `item`). */
const publicId = (token: string): string => sessionPublicId(hashToken(token));

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

  it("revoke one session, one token, then all of each: only what was named goes, and every revocation is on both logs", async () => {
    const admin: AdminActor = { id: (await newUser([getConfig().adminRole])).id };
    const target = await newUser();
    const [first, second] = [await signedIn(target), await signedIn(target)];
    const bystander = await signedIn(await newUser());
    const view = await loadAdminUserView(target.id);
    expect(view?.sessions.map((s) => s.id).sort()).toEqual([publicId(first.session), publicId(second.session)].sort());
    expect(view?.tokens.map((k) => k.id)).toContain(publicId(first.token));

    expect(await runAdminAction(admin, target.id, "revoke-session", { item: publicId(first.session) })).toMatchObject({ ok: true });
    expect(await runAdminAction(admin, target.id, "revoke-token", { item: publicId(first.token) })).toMatchObject({ ok: true });
    expect(await stillWorks(first)).toEqual({ session: false, token: false });
    expect(await stillWorks(second)).toEqual({ session: true, token: true });
    // An ended one, or another account's, names nothing on this account.
    for (const item of [publicId(first.session), publicId(bystander.session)])
      expect(await runAdminAction(admin, target.id, "revoke-session", { item })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await runAdminAction(admin, target.id, "revoke-token", { item: publicId(bystander.token) })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await stillWorks(bystander)).toEqual({ session: true, token: true });

    expect(await runAdminAction(admin, target.id, "revoke-all-sessions")).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await stillWorks(second)).toEqual({ session: true, token: true });
    expect(await runAdminAction(admin, target.id, "revoke-all-sessions", { confirmed: true })).toMatchObject({ ok: true });
    expect(await stillWorks(second)).toEqual({ session: false, token: true });
    expect(await runAdminAction(admin, target.id, "revoke-all-tokens", { confirmed: true })).toMatchObject({ ok: true });
    expect(await stillWorks(second)).toEqual({ session: false, token: false });
    expect(await stillWorks(bystander)).toEqual({ session: true, token: true });

    const revoked = [
      { scope: "one", kind: "session", count: 1 },
      { scope: "one", kind: "token", count: 1 },
      { scope: "all", kind: "session", count: 1 },
      { scope: "all", kind: "token", count: 1 },
    ];
    expect(await eventData(target.id, "session_revoked")).toEqual(revoked.map((r) => ({ ...r, by: admin.id })));
    expect(await adminActions(admin.id, target.id)).toEqual(revoked.map((r) => ({ action: "session_revoked", userId: target.id, ...r })));
  });

  it("reset two-factor only, passkeys only, sign-in methods only: each removes its own factor and leaves the others and the password", async () => {
    const admin: AdminActor = { id: (await newUser([getConfig().adminRole])).id };
    const db = await getDb();
    /** An account holding every factor, so an action that removes more than its own shows. */
    const withEveryFactor = async (): Promise<UserRecord> => {
      const user = await newUser();
      await saveMethod(user.id, "authenticator");
      await generateRecoveryCodes(user.id, newCtx());
      await db.insert(tables.webauthnCredentials).values({
        userId: user.id,
        credentialId: crypto.randomUUID(),
        publicKey: "cose-key",
        usage: "first",
        name: "Laptop",
        deviceType: "singleDevice",
      });
      await addMethod(user.id, "email");
      return user;
    };
    const factors = async (userId: string) => ({
      twoFactor: Boolean(await twoFactorRow(userId)),
      recoveryCodes: (await recoveryCodeStatus(userId)).total > 0,
      passkeys: (await passkeysOf(userId)).length,
      signInMethods: await methodsOf(userId),
      passwordHash: (await db.select().from(tables.users).where(eq(tables.users.id, userId)))[0]?.passwordHash,
    });
    const cases = [
      { action: "reset-two-factor", gone: { twoFactor: false, recoveryCodes: false }, event: "tf_reset", data: {} },
      { action: "reset-passkeys", gone: { passkeys: 0 }, event: "wan_reset", data: { removed: 1 } },
      { action: "reset-sign-in-methods", gone: { signInMethods: [] }, event: "us_profile_changed", data: { reset: true, removed: 1 } },
    ] as const;
    for (const { action, gone, event, data } of cases) {
      const target = await withEveryFactor();
      const before = await factors(target.id);
      expect(before).toMatchObject({ twoFactor: true, recoveryCodes: true, passkeys: 1, signInMethods: ["email"], passwordHash: target.passwordHash });
      expect(await runAdminAction(admin, target.id, action), action).toMatchObject({ ok: false, code: "INVALID_INPUT" });
      expect(await factors(target.id), action).toEqual(before);
      expect(await runAdminAction(admin, target.id, action, { confirmed: true }), action).toMatchObject({ ok: true });
      expect(await factors(target.id), action).toEqual({ ...before, ...gone });
      expect(await eventData(target.id, event), action).toEqual([{ ...data, by: admin.id }]);
      expect(await adminActions(admin.id, target.id), action).toEqual([{ action: event, userId: target.id, ...data }]);
    }
  });

  it("set a password (admin_change_password): the policy applies, the hash changes, every session ends and the owner gets the notice", async () => {
    const admin: AdminActor = { id: (await newUser([getConfig().adminRole])).id };
    const target = await newUser();
    const held = await signedIn(target);
    const db = await getDb();
    const hashNow = async () => (await db.select().from(tables.users).where(eq(tables.users.id, target.id)))[0]?.passwordHash ?? null;

    expect(await runAdminAction(admin, target.id, "set-password", { password: OTHER_STRONG_PASSWORD })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await runAdminAction(admin, target.id, "set-password", { password: "password", confirmed: true })).toMatchObject({
      ok: false,
      code: "PASSWORD_TOO_COMMON",
    });
    expect(await hashNow()).toBe(target.passwordHash);
    expect(await stillWorks(held)).toEqual({ session: true, token: true });
    expect(await latestMail(target.email)).toBeUndefined();

    expect(await runAdminAction(admin, target.id, "set-password", { password: OTHER_STRONG_PASSWORD, confirmed: true })).toMatchObject({ ok: true });
    const changed = await hashNow();
    expect(changed).not.toBe(target.passwordHash);
    expect(await verifyPassword(changed!, OTHER_STRONG_PASSWORD)).toBe(true);
    expect(await stillWorks(held)).toEqual({ session: false, token: false });
    expect((await latestMail(target.email))?.subject).toBe("Gatehouse: Your password was changed");
    expect(await eventData(target.id, "password_changed")).toEqual([{ admin: true, by: admin.id }]);
    expect(await adminActions(admin.id, target.id)).toEqual([{ action: "password_changed", userId: target.id, admin: true }]);
  });
  it("end one app sign-in (a refresh-token family): that one stops renewing, another app's and another user's keep working", async () => {
    const admin: AdminActor = { id: (await newUser([getConfig().adminRole])).id };
    const target = await newUser();
    const other = await newUser();
    const proof = { authnVia: ["password" as const], authenticatedAt: new Date() };
    const [phone, tablet, theirs] = [await issueTokenPair(target, proof), await issueTokenPair(target, proof), await issueTokenPair(other, proof)];
    const view = await loadAdminUserView(target.id);
    expect(view?.refreshFamilies).toHaveLength(2);
    const [otherFamily] = (await loadAdminUserView(other.id))!.refreshFamilies;
    expect(await runAdminAction(admin, target.id, "revoke-refresh-family", { item: otherFamily!.id })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await runAdminAction(admin, target.id, "revoke-refresh-family", { item: "not-a-family" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    const db = await getDb();
    const [phoneRow] = await db
      .select({ familyId: tables.refreshTokens.familyId })
      .from(tables.refreshTokens)
      .where(eq(tables.refreshTokens.tokenHash, hashToken(phone.refreshToken!.token)));
    const phoneFamily = phoneRow!.familyId;
    expect(await runAdminAction(admin, target.id, "revoke-refresh-family", { item: phoneFamily })).toMatchObject({ ok: true });
    expect((await exchangeRefreshToken(phone.refreshToken!.token, newCtx())).ok).toBe(false);
    expect((await exchangeRefreshToken(tablet.refreshToken!.token, newCtx())).ok).toBe(true);
    expect((await exchangeRefreshToken(theirs.refreshToken!.token, newCtx())).ok).toBe(true);
    expect(await eventData(target.id, "refresh_tracker_revoked")).toEqual([expect.objectContaining({ reason: "REVOKED", by: admin.id })]);
    expect(await adminActions(admin.id, target.id)).toEqual([expect.objectContaining({ action: "refresh_tracker_revoked", userId: target.id })]);
  });
});
