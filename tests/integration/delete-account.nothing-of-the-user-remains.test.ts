// Threat: a deleted account leaves rows behind (a session that still works, factors, codes, its
// activity), or the last administrator locks everyone out of the admin console by deleting itself.
// Guarantee: every row that hangs off the user goes (or events stay anonymised), the last admin stays.
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { addRoleToUser } from "@/lib/security/accounts/user-roles";
import { deleteOwnAccount, deleteUser } from "@/lib/security/lifecycle/delete-account";
import { requestPasswordReset } from "@/lib/security/passwords/reset";
import { generateRecoveryCodes } from "@/lib/security/recovery-codes/store";
import { createSession, findActiveSession } from "@/lib/security/sessions/store";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { latestMail, newCtx, registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnv } from "../support/flows";
import { saveMethod } from "../support/two-factor";

/** Rows of every table with a user_id column that name this user. */
async function rowsOf(userId: string): Promise<Record<string, number>> {
  const db = await getDb();
  const counted = {
    sessions: tables.sessions,
    oneTimeTokens: tables.oneTimeTokens,
    twoFactor: tables.twoFactor,
    pendingLogins: tables.pendingLogins,
    recoveryCodes: tables.recoveryCodes,
    signInMethods: tables.signInMethods,
    knownDevices: tables.knownDevices,
    webauthnCredentials: tables.webauthnCredentials,
    webauthnChallenges: tables.webauthnChallenges,
    securityEvents: tables.securityEvents,
    userRoles: tables.userRoles,
  };
  const out: Record<string, number> = {};
  for (const [name, table] of Object.entries(counted)) {
    const [row] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(table)
      .where(eq(table.userId, userId));
    out[name] = row?.n ?? 0;
  }
  const [user] = await db
    .select({ n: sql<number>`count(*)::int` })
    .from(tables.users)
    .where(eq(tables.users.id, userId));
  out.users = user?.n ?? 0;
  return out;
}

async function richAccount(tag: string): Promise<{ email: string; id: string; token: string }> {
  const email = uniqueEmail(tag);
  const user = await registerConfirmed(email);
  const { token } = await createSession(user, { authnVia: ["password"], remember: true, ctx: newCtx() });
  await saveMethod(user.id, "authenticator");
  await generateRecoveryCodes(user.id, newCtx());
  await requestPasswordReset(email, newCtx());
  await addRoleToUser(user.id, "editor");
  return { email, id: user.id, token };
}

describe("deleting an account", () => {
  it("removes the user and every row that hangs off it, ends its sessions and says goodbye", async () => {
    const { email, id, token } = await richAccount("gone");
    const before = await rowsOf(id);
    expect(before.sessions).toBe(1);
    for (const table of ["twoFactor", "recoveryCodes", "oneTimeTokens", "securityEvents", "userRoles"]) expect(before[table], table).toBeGreaterThan(0);

    expect(await deleteUser(id, { by: "self", ctx: newCtx() })).toEqual({ ok: true, email });
    expect(Object.values(await rowsOf(id)).every((n) => n === 0)).toBe(true);
    expect(await findActiveSession(token)).toBeNull();
    expect((await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx())).ok).toBe(false);
    const goodbye = await latestMail(email);
    expect(goodbye?.subject).toBe("Gatehouse: Your account was deleted");
    expect(goodbye?.text).not.toMatch(/https?:\/\//);
    // The address is free again.
    expect((await registerConfirmed(email)).id).not.toBe(id);
  });

  it("keeps the activity log anonymised when the operator asks, with nothing that names or locates the person", async () => {
    const { email, id } = await richAccount("kept");
    const db = await getDb();
    const ids = (await db.select({ id: tables.securityEvents.id }).from(tables.securityEvents).where(eq(tables.securityEvents.userId, id))).map((r) => r.id);
    expect(ids.length).toBeGreaterThan(3);
    await withEnv({ SECURITY_KEEP_EVENTS_OF_DELETED_USERS: "true" }, () => deleteUser(id, { by: "admin" }));
    const kept = await db.select().from(tables.securityEvents).where(inArray(tables.securityEvents.id, ids));
    expect(kept).toHaveLength(ids.length);
    for (const event of kept) expect(event).toMatchObject({ userId: null, ip: null, userAgent: null, data: {} });
    expect((await latestMail(email))?.text).toMatch(/administrator deleted/);
  });

  it("asks for the account's email address, typed", async () => {
    const email = uniqueEmail("typed");
    const user = await registerConfirmed(email);
    for (const wrong of ["", "delete", uniqueEmail("someone-else"), `${email}x`]) {
      expect(await deleteOwnAccount(user, wrong, newCtx())).toMatchObject({ ok: false, code: "DELETE_CONFIRMATION_MISMATCH" });
    }
    expect((await rowsOf(user.id)).users).toBe(1);
    expect(await deleteOwnAccount(user, ` ${email.toUpperCase()} `, newCtx())).toMatchObject({ ok: true });
    expect((await rowsOf(user.id)).users).toBe(0);
  });

  it("never deletes the last administrator, even when six admins delete themselves at once", async () => {
    const role = `admin-${crypto.randomUUID()}`;
    await withEnv({ SECURITY_ADMIN_ROLE: role }, async () => {
      const a = await registerConfirmed(uniqueEmail("admin-a"));
      await addRoleToUser(a.id, role);
      expect(await deleteUser(a.id, { by: "self" })).toMatchObject({ ok: false, code: "LAST_ADMIN" });
      // Six admins delete themselves at once: five may go, one must stay.
      const others = [];
      for (let i = 0; i < 5; i++) others.push(await registerConfirmed(uniqueEmail("admin-n")));
      for (const other of others) await addRoleToUser(other.id, role);
      const results = await Promise.all([a, ...others].map((admin) => deleteUser(admin.id, { by: "self" })));
      expect(results.filter((r) => r.ok)).toHaveLength(5);
      expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "LAST_ADMIN" });
      const db = await getDb();
      const [left] = await db
        .select({ n: sql<number>`count(*)::int` })
        .from(tables.userRoles)
        .innerJoin(tables.roles, eq(tables.roles.id, tables.userRoles.roleId))
        .where(eq(tables.roles.name, role));
      expect(left?.n).toBe(1);
    });
  });

  it("answers an unknown or malformed user id with USER_DOES_NOT_EXIST", async () => {
    for (const id of [crypto.randomUUID(), "not-a-uuid", "", "'; drop table users; --"]) {
      expect(await deleteUser(id, { by: "admin" })).toMatchObject({ ok: false, code: "USER_DOES_NOT_EXIST" });
    }
  });
});
