// Threat: a deactivated account keeps a working session or API token (or gets them back when it is
// reactivated), or deactivation locks everyone out of administration by taking the last admin.
// Guarantee: deactivation ends sessions and tokens for good, and the last active admin stays.
import { describe, expect, it } from "vitest";
import { activateUser, deactivateUser, toggleActive } from "@/lib/security/accounts/activation";
import { findUserById, type UserRecord } from "@/lib/security/accounts/users";
import { account, eventData, rowCount, signedIn, stillWorks, uniqueRole } from "../support/datastore";
import { withEnv, withEnvForTheFile } from "../support/flows";
import { tables } from "@/lib/db";

const ADMIN = uniqueRole("admin");
withEnvForTheFile({ SECURITY_ADMIN_ROLE: ADMIN });

describe("deactivateUser", () => {
  it("ends the session and the API token, and reactivation does not bring them back", async () => {
    const user = await account("deact");
    const held = await signedIn(user);
    expect(await stillWorks(held)).toEqual({ session: true, token: true });
    expect(await deactivateUser(user.id)).toEqual({ ok: true, changed: true });
    expect(await stillWorks(held)).toEqual({ session: false, token: false });
    expect(await rowCount(tables.sessions, user.id)).toBe(0);
    expect(await rowCount(tables.authTokens, user.id)).toBe(0);
    expect(await deactivateUser(user.id)).toEqual({ ok: true, changed: false });
    expect(await activateUser(user.id)).toEqual({ ok: true, changed: true });
    expect(await activateUser(user.id)).toEqual({ ok: true, changed: false });
    expect(await stillWorks(held)).toEqual({ session: false, token: false });
    expect((await findUserById(user.id))?.active).toBe(true);
  });

  it("ends API tokens bound to the separate token uniquifier too (SECURITY_TOKEN_UNIQUIFIER)", async () => {
    await withEnv({ SECURITY_TOKEN_UNIQUIFIER: "true" }, async () => {
      const user = await account("deact-tu");
      const held = await signedIn(user);
      await deactivateUser(user.id);
      await activateUser(user.id);
      expect(await stillWorks(held)).toEqual({ session: false, token: false });
    });
  });

  it("writes the change on the user's log, and on the acting admin's", async () => {
    const admin = await account("actor", [ADMIN]);
    const user = await account("target");
    await deactivateUser(user.id, { actorId: admin.id });
    await activateUser(user.id, { actorId: admin.id });
    expect(await eventData(user.id, "user_deactivated")).toEqual([{ by: admin.id }]);
    expect(await eventData(user.id, "user_activated")).toEqual([{ by: admin.id }]);
    expect(await eventData(admin.id, "admin_action")).toEqual([
      { action: "user_deactivated", userId: user.id },
      { action: "user_activated", userId: user.id },
    ]);
  });

  it("refuses an unknown or malformed id", async () => {
    for (const id of [crypto.randomUUID(), "not-a-uuid", "", "'; drop table users; --"]) {
      expect(await deactivateUser(id)).toMatchObject({ ok: false, code: "USER_DOES_NOT_EXIST" });
      expect(await toggleActive(id)).toMatchObject({ ok: false, code: "USER_DOES_NOT_EXIST" });
    }
  });

  it("toggleActive flips the state once per call, also when two run at once", async () => {
    const user = await account("toggle");
    expect(await toggleActive(user.id)).toEqual({ ok: true, active: false });
    expect(await toggleActive(user.id)).toEqual({ ok: true, active: true });
    const both = await Promise.all([toggleActive(user.id), toggleActive(user.id)]);
    expect(both.map((r) => (r.ok ? r.active : null)).sort()).toEqual([false, true]);
    expect((await findUserById(user.id))?.active).toBe(true);
  });

  it("never deactivates the last active admin, nor lets an admin deactivate themselves, even when four deactivate each other at once", async () => {
    const role = uniqueRole("admin-race");
    await withEnv({ SECURITY_ADMIN_ROLE: role }, async () => {
      const admins: UserRecord[] = [];
      for (let i = 0; i < 4; i++) admins.push(await account("admin-n", [role]));
      const [a, b] = admins as [UserRecord, UserRecord];
      expect(await deactivateUser(a.id, { actorId: a.id })).toMatchObject({ ok: false, code: "ADMIN_SELF_CHANGE" });
      const results = await Promise.all(admins.map((admin, i) => deactivateUser(admin.id, { actorId: admins[(i + 1) % 4]!.id })));
      expect(results.filter((r) => r.ok)).toHaveLength(3);
      expect(results.filter((r) => !r.ok)).toEqual([{ ok: false, code: "LAST_ADMIN" }]);
      const stillActive = await Promise.all(admins.map(async (admin) => (await findUserById(admin.id))?.active));
      expect(stillActive.filter(Boolean)).toHaveLength(1);
      // An admin who is deactivated does not count: the one left cannot go either.
      const last = admins[stillActive.indexOf(true)]!;
      expect(await deactivateUser(last.id, { actorId: b.id })).toMatchObject({ ok: false, code: "LAST_ADMIN" });
    });
  });
});
