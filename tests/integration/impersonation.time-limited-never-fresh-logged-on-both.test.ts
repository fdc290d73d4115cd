// Threat: "view as" becomes a way around the account's own proofs (it passes freshness, re-verifies,
// outlives its limit), lets a non-admin or an admin-as-admin in, or leaves no trace on either account.
// Guarantee: users:impersonate required, admins refused, time-limited, never fresh, return restores, both logs.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { CONSOLE_PERMISSIONS } from "@/lib/security/core/console-permissions";
import { findOrCreateRole } from "@/lib/security/accounts/roles";
import { reauthenticateWithPassword } from "@/lib/security/re-verify/reauthenticate";
import { endImpersonation, startImpersonation } from "@/lib/security/sessions/impersonation";
import { createSession, findActiveSession, freshness, markAuthenticated } from "@/lib/security/sessions/store";
import { account, eventData, uniqueRole } from "../support/datastore";
import { newCtx, STRONG_PASSWORD, withEnv, withEnvForTheFile } from "../support/flows";

const ADMIN = uniqueRole("admin");
withEnvForTheFile({ SECURITY_ADMIN_ROLE: ADMIN, SECURITY_IMPERSONATION_LIFETIME: "30m" });

async function adminSession(tag = "admin", permissions: readonly string[] = CONSOLE_PERMISSIONS) {
  const role = permissions === CONSOLE_PERMISSIONS ? ADMIN : uniqueRole("helpdesk");
  await findOrCreateRole(role, { permissions: [...permissions] });
  const admin = await account(tag, [role]);
  const { token } = await createSession(admin, { authnVia: ["password"], remember: false, ctx: newCtx() });
  const active = await findActiveSession(token);
  if (!active) throw new Error("no admin session");
  return { ...active, token };
}

describe("impersonation", () => {
  it("opens a session of the target, limited to SECURITY_IMPERSONATION_LIFETIME, logged on both accounts", async () => {
    const admin = await adminSession();
    const target = await account("target");
    const started = await startImpersonation(admin, target.id, newCtx());
    expect(started).toMatchObject({ ok: true, target: { id: target.id, email: target.email }, keep: { token: admin.token } });
    if (!started.ok) return;
    const viewing = await findActiveSession(started.session.token);
    expect(viewing?.user.id).toBe(target.id);
    expect(viewing?.session).toMatchObject({ impersonatorId: admin.user.id, impersonatorSessionHash: admin.session.tokenHash });
    const minutes = (started.session.expiresAt.getTime() - Date.now()) / 60_000;
    expect(minutes).toBeGreaterThan(29);
    expect(minutes).toBeLessThanOrEqual(30);
    expect(await eventData(target.id, "impersonation_started")).toEqual([expect.objectContaining({ by: admin.user.id })]);
    expect(await eventData(admin.user.id, "admin_action")).toEqual([expect.objectContaining({ action: "impersonation_started", userId: target.id })]);
    // Past its limit the session is anonymous, whatever the cookie says.
    const db = await getDb();
    await db
      .update(tables.sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(tables.sessions.userId, target.id));
    expect(await findActiveSession(started.session.token)).toBeNull();
  });

  it("is never fresh: not by FRESHNESS, not even 'always fresh', and re-verifying as the user is refused", async () => {
    const admin = await adminSession();
    const target = await account("stale");
    const started = await startImpersonation(admin, target.id, newCtx());
    if (!started.ok) throw new Error(started.code);
    const viewing = (await findActiveSession(started.session.token))!;
    expect(freshness(viewing.session)).toBe("stale");
    await withEnv({ SECURITY_FRESHNESS: "-1" }, async () => expect(freshness(viewing.session)).toBe("stale"));
    // The admin learned the user's password somehow: still no freshness as them.
    expect(await reauthenticateWithPassword(viewing.user, viewing.session, STRONG_PASSWORD, newCtx())).toMatchObject({
      ok: false,
      code: "IMPERSONATION_FRESHNESS_REFUSED",
    });
    await markAuthenticated(viewing.session.tokenHash, "password");
    const after = (await findActiveSession(started.session.token))!;
    expect(after.session.authenticatedAt.getTime()).toBe(0);
    expect(after.session.graceUntil).toBeNull();
  });

  it("needs users:impersonate and refuses admins, inactive accounts, oneself and a view-as session", async () => {
    const admin = await adminSession();
    const otherAdmin = await account("other-admin", [ADMIN]);
    const helpdesk = await adminSession("helpdesk", ["users:read"]);
    const target = await account("plain");
    expect(await startImpersonation(helpdesk, target.id, newCtx())).toMatchObject({ ok: false, code: "UNAUTHORIZED" });
    expect(await startImpersonation(admin, otherAdmin.id, newCtx())).toMatchObject({ ok: false, code: "IMPERSONATION_NOT_ALLOWED" });
    // Any console permission makes an account an administrator here, not only the admin role.
    expect(await startImpersonation(admin, helpdesk.user.id, newCtx())).toMatchObject({ ok: false, code: "IMPERSONATION_NOT_ALLOWED" });
    expect(await startImpersonation(admin, admin.user.id, newCtx())).toMatchObject({ ok: false, code: "IMPERSONATION_NOT_ALLOWED" });
    expect(await startImpersonation(admin, "not-a-uuid", newCtx())).toMatchObject({ ok: false, code: "USER_DOES_NOT_EXIST" });
    const inactive = await account("inactive");
    await (await getDb()).update(tables.users).set({ active: false }).where(eq(tables.users.id, inactive.id));
    expect(await startImpersonation(admin, inactive.id, newCtx())).toMatchObject({ ok: false, code: "IMPERSONATION_NOT_ALLOWED" });
    const started = await startImpersonation(admin, target.id, newCtx());
    if (!started.ok) throw new Error(started.code);
    const viewing = (await findActiveSession(started.session.token))!;
    expect(await startImpersonation({ ...viewing, token: started.session.token }, (await account("next")).id, newCtx())).toMatchObject({ ok: false });
    expect(await eventData(otherAdmin.id, "impersonation_started")).toEqual([]);
  });

  it("return ends the view-as session and hands back the admin's own, once, logged on both; a wrong kept token is refused", async () => {
    const admin = await adminSession();
    const target = await account("return");
    const started = await startImpersonation(admin, target.id, newCtx());
    if (!started.ok) throw new Error(started.code);
    const viewing = (await findActiveSession(started.session.token))!;
    const stranger = await adminSession("stranger");
    expect(await endImpersonation(viewing, stranger.token, newCtx())).toMatchObject({ ok: false, code: "IMPERSONATION_NOT_ACTIVE" });
    expect(await endImpersonation(viewing, undefined, newCtx())).toMatchObject({ ok: false, code: "IMPERSONATION_NOT_ACTIVE" });
    const back = await endImpersonation(viewing, started.keep.token, newCtx());
    expect(back).toMatchObject({ ok: true, session: { token: admin.token, userId: admin.user.id } });
    expect(await findActiveSession(started.session.token)).toBeNull();
    expect((await findActiveSession(admin.token))?.user.id).toBe(admin.user.id);
    expect(await eventData(target.id, "impersonation_ended")).toEqual([expect.objectContaining({ by: admin.user.id })]);
    expect((await eventData(admin.user.id, "admin_action")).map((d) => d.action)).toEqual(["impersonation_started", "impersonation_ended"]);
    // After the view-as session timed out the admin can still get theirs back (nothing left to end).
    const again = await startImpersonation(admin, target.id, newCtx());
    if (!again.ok) throw new Error(again.code);
    await (
      await getDb()
    )
      .update(tables.sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(tables.sessions.userId, target.id));
    expect(await endImpersonation(null, again.keep.token, newCtx())).toMatchObject({ ok: true, session: { userId: admin.user.id } });
    expect(await endImpersonation(null, admin.token, newCtx())).toMatchObject({ ok: true });
  });
});
