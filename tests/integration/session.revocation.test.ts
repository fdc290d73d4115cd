// Threat: a session outlives the reason it was trusted (deactivation, rotated credentials,
// expiry) or one user ends another's session. Guarantee: the one session query says anonymous.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { hashToken } from "@/lib/security/core/crypto";
import { reauthenticateWithPassword } from "@/lib/security/re-verify/reauthenticate";
import {
  createSession,
  openGrace,
  findActiveSession,
  isFresh,
  listSessions,
  revokeSession,
  sessionPublicId,
  type ActiveSession,
} from "@/lib/security/sessions/store";
import { activateUser, deactivateUser } from "@/lib/security/accounts/activation";
import { findOrCreateRole } from "@/lib/security/accounts/roles";
import { addRoleToUser, removeRoleFromUser } from "@/lib/security/accounts/user-roles";
import { findUserById, setUniquifier, type UserRecord } from "@/lib/security/accounts/users";
import { newCtx, registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnv } from "../support/flows";

async function newSession(user: UserRecord): Promise<string> {
  const { token } = await createSession(user, { authnVia: ["password"], remember: false, ctx: newCtx() });
  expect(await findActiveSession(token)).not.toBeNull();
  return token;
}

async function active(token: string): Promise<ActiveSession> {
  const found = await findActiveSession(token);
  if (!found) throw new Error("session not active");
  return found;
}

describe("findActiveSession", () => {
  it("is anonymous once the user is deactivated, and stays so after reactivation (deactivation rotates the uniquifier)", async () => {
    const user = await registerConfirmed(uniqueEmail());
    const token = await newSession(user);
    await deactivateUser(user.id);
    expect(await findActiveSession(token)).toBeNull();
    await activateUser(user.id);
    expect(await findActiveSession(token)).toBeNull();
    // A new sign-in after reactivation works as usual.
    const fresh = await newSession((await findUserById(user.id))!);
    expect(await findActiveSession(fresh)).not.toBeNull();
  });

  it("is anonymous once the uniquifier rotates", async () => {
    const user = await registerConfirmed(uniqueEmail());
    const token = await newSession(user);
    await setUniquifier(user.id);
    expect(await findActiveSession(token)).toBeNull();
  });

  it("is anonymous once the row has expired", async () => {
    const user = await registerConfirmed(uniqueEmail());
    const token = await newSession(user);
    const db = await getDb();
    await db
      .update(tables.sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(tables.sessions.tokenHash, hashToken(token)));
    expect(await findActiveSession(token)).toBeNull();
  });

  it.each([
    ["empty", ""],
    ["too short", "abc"],
    ["the stored hash instead of the token", null],
    ["a 1 MB string", "a".repeat(1024 * 1024)],
    ["unicode", "ü".repeat(43)],
    ["NUL bytes", "\u0000".repeat(43)],
  ])("is anonymous for a malformed token: %s", async (_label, token) => {
    const user = await registerConfirmed(uniqueEmail());
    const real = await newSession(user);
    // The hash of a real token (what the table holds) must not work as a token.
    const candidate = token ?? hashToken(real);
    await expect(findActiveSession(candidate)).resolves.toBeNull();
  });

  it("reads roles and permissions as they are now", async () => {
    const user = await registerConfirmed(uniqueEmail());
    const token = await newSession(user);
    const roleName = `editor-${crypto.randomUUID()}`;
    await findOrCreateRole(roleName, { permissions: ["posts:write", "posts:read"] });
    expect((await active(token)).authorization).toEqual({ roles: [], permissions: [] });

    await addRoleToUser(user.id, roleName);
    const withRole = (await active(token)).authorization;
    expect(withRole.roles).toEqual([roleName]);
    expect([...withRole.permissions].sort()).toEqual(["posts:read", "posts:write"]);

    await removeRoleFromUser(user.id, roleName);
    expect((await active(token)).authorization.roles).toEqual([]);
  });
});

describe("revokeSession", () => {
  it("revokes one's own session by public id, but never another user's", async () => {
    const alice = await registerConfirmed(uniqueEmail("alice"));
    const bob = await registerConfirmed(uniqueEmail("bob"));
    const aliceToken = await newSession(alice);
    const bobToken = await newSession(bob);
    const bobPublicId = sessionPublicId(hashToken(bobToken));
    expect((await listSessions(bob.id)).map((s) => sessionPublicId(s.tokenHash))).toContain(bobPublicId);

    expect(await revokeSession(alice.id, bobPublicId)).toBe(false);
    expect(await findActiveSession(bobToken)).not.toBeNull();
    expect(await revokeSession(alice.id, hashToken(bobToken))).toBe(false);
    expect(await findActiveSession(bobToken)).not.toBeNull();

    expect(await revokeSession(bob.id, bobPublicId)).toBe(true);
    expect(await findActiveSession(bobToken)).toBeNull();
    expect(await findActiveSession(aliceToken)).not.toBeNull();
  });
});

describe("freshness", () => {
  const HOUR = 3600 * 1000;
  const at = (msAgo: number) => new Date(Date.now() - msAgo);

  it("honours SECURITY_FRESHNESS", async () => {
    expect(isFresh({ authenticatedAt: at(23 * HOUR), graceUntil: null })).toBe(true);
    expect(isFresh({ authenticatedAt: at(25 * HOUR), graceUntil: null })).toBe(false);
    await withEnv({ SECURITY_FRESHNESS: "10m" }, async () => {
      expect(isFresh({ authenticatedAt: at(9 * 60 * 1000), graceUntil: null })).toBe(true);
      expect(isFresh({ authenticatedAt: at(11 * 60 * 1000), graceUntil: null })).toBe(false);
    });
    await withEnv({ SECURITY_FRESHNESS: "0" }, async () => {
      expect(isFresh({ authenticatedAt: new Date(), graceUntil: null })).toBe(false);
    });
    // A per-route `within` overrides the default; negative means "no freshness check".
    expect(isFresh({ authenticatedAt: at(2 * HOUR), graceUntil: null }, 3600)).toBe(false);
    expect(isFresh({ authenticatedAt: at(1000 * HOUR), graceUntil: null }, -1)).toBe(true);
  });

  it("honours the grace window, which openGrace sets to SECURITY_FRESHNESS_GRACE_PERIOD", async () => {
    expect(isFresh({ authenticatedAt: at(48 * HOUR), graceUntil: new Date(Date.now() + 60_000) })).toBe(true);
    expect(isFresh({ authenticatedAt: at(48 * HOUR), graceUntil: new Date(Date.now() - 1000) })).toBe(false);

    const user = await registerConfirmed(uniqueEmail());
    const token = await newSession(user);
    const before = Date.now();
    await withEnv({ SECURITY_FRESHNESS_GRACE_PERIOD: "30m" }, async () => openGrace({ tokenHash: hashToken(token), graceUntil: null }));
    const graceUntil = (await active(token)).session.graceUntil;
    expect(graceUntil).toBeInstanceOf(Date);
    expect(graceUntil!.getTime()).toBeGreaterThanOrEqual(before + 30 * 60 * 1000 - 2000);
    expect(graceUntil!.getTime()).toBeLessThanOrEqual(Date.now() + 30 * 60 * 1000 + 2000);
  });
});

describe("reauthenticateWithPassword", () => {
  it("refreshes authenticated_at with the right password and refuses a wrong one", async () => {
    const user = await registerConfirmed(uniqueEmail());
    const token = await newSession(user);
    const db = await getDb();
    const stale = new Date(Date.now() - 48 * 3600 * 1000);
    await db
      .update(tables.sessions)
      .set({ authenticatedAt: stale })
      .where(eq(tables.sessions.tokenHash, hashToken(token)));
    const staleSession = await active(token);
    expect(isFresh(staleSession.session)).toBe(false);

    const wrong = await reauthenticateWithPassword(staleSession.user, staleSession.session, "not-the-password-x", newCtx());
    expect(wrong).toMatchObject({ ok: false, code: "INVALID_PASSWORD" });
    expect((await active(token)).session.authenticatedAt.getTime()).toBe(stale.getTime());

    const right = await reauthenticateWithPassword(staleSession.user, staleSession.session, STRONG_PASSWORD, newCtx());
    expect(right).toEqual({ ok: true });
    const refreshed = await active(token);
    expect(refreshed.session.authenticatedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
    expect(isFresh(refreshed.session)).toBe(true);
    expect(refreshed.session.authnVia).toContain("verify");
  });
});
