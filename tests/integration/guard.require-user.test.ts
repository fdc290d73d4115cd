// Threat: a page that forgets a check, or a stale/ revoked session that still passes. requireUser()
// reads the route table for the path served and must send anonymous → /login?next, missing role or
// permission (all-of, any-of) → 403, stale → /verify?next (only where the table asks for freshness), and extend grace.
// The console's writes ask for freshness though its pages do not: a stale admin session changes nothing.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";

const cookieJar = new Map<string, string>();
const requestHeaders = new Headers();

vi.mock("next/headers", () => ({
  cookies: async () => ({ get: (name: string) => (cookieJar.has(name) ? { name, value: cookieJar.get(name) } : undefined) }),
  headers: async () => requestHeaders,
}));
vi.mock("next/navigation", () => ({
  redirect: (url: string) => {
    throw Object.assign(new Error(`REDIRECT ${url}`), { url });
  },
  forbidden: () => {
    throw Object.assign(new Error("FORBIDDEN"), { status: 403 });
  },
}));

const { getDb, tables } = await import("@/lib/db");
const { requireFreshAdmin, requireFreshUser, requireUser, requireUserUnder } = await import("@/lib/security/sessions/guards");
const { getConfig } = await import("@/lib/security/config");
const { sessionCookieName } = await import("@/lib/security/sessions/cookies");
const { createSession } = await import("@/lib/security/sessions/store");
const { createUser } = await import("@/lib/security/accounts/users");
const { addRoleToUser } = await import("@/lib/security/accounts/user-roles");
const { ensureAdminRole } = await import("@/lib/security/accounts/admin-role");
const { CONSOLE_PERMISSIONS, ROLES_WRITE, USERS_READ, USERS_WRITE } = await import("@/lib/security/core/console-permissions");
const { adminUserAction } = await import("@/app/(admin)/admin/users/[id]/actions");

async function signedIn(): Promise<{ userId: string; token: string }> {
  const user = await createUser({ email: `${crypto.randomUUID()}@example.com`, password: "a long enough passphrase", confirmed: true });
  if (!user) throw new Error("no user");
  const session = await createSession(user, { authnVia: ["password"], remember: false, ctx: { ip: "10.0.0.1", userAgent: "vitest" } });
  cookieJar.set(sessionCookieName(), session.token);
  return { userId: user.id, token: session.token };
}

async function outcome(run: () => Promise<unknown>): Promise<string> {
  try {
    await run();
    return "allowed";
  } catch (error) {
    const e = error as { url?: string; status?: number };
    return e.url ? `redirect ${e.url}` : e.status === 403 ? "forbidden" : `error ${String(error)}`;
  }
}

/** The user's sessions signed in a day ago, with no grace window open: past any freshness. */
async function makeStale(userId: string): Promise<void> {
  const db = await getDb();
  await db
    .update(tables.sessions)
    .set({ authenticatedAt: sql`now() - interval '25 hours'`, graceUntil: null })
    .where(eq(tables.sessions.userId, userId));
}

// React's cache() memoises per request; each call here stands for a new request.
beforeEach(() => {
  cookieJar.clear();
  requestHeaders.set("x-gatehouse-path", "/account/secret?tab=2");
});

describe("requireUser", () => {
  it("sends anonymous visitors to /login with a safe next", async () => {
    expect(await outcome(() => requireUser())).toBe("redirect /login?next=%2Faccount%2Fsecret%3Ftab%3D2");
    requestHeaders.set("x-gatehouse-path", "//evil.example");
    expect(await outcome(() => requireUser())).toBe("redirect /login");
  });

  it("treats a forged cookie as anonymous", async () => {
    cookieJar.set(sessionCookieName(), "A".repeat(43));
    expect(await outcome(() => requireUser())).toMatch(/^redirect \/login/);
  });

  it("returns 403 without the role, and allows with it", async () => {
    const { userId } = await signedIn();
    const rule = { prefix: "/audit", access: "signed-in" as const, roles: ["auditor"] };
    expect(await outcome(() => requireUserUnder(rule))).toBe("forbidden");
    await addRoleToUser(userId, "auditor");
    expect(await outcome(() => requireUserUnder(rule))).toBe("allowed");
  });

  it("enforces permissions carried by roles", async () => {
    const { userId } = await signedIn();
    const db = await getDb();
    await db.insert(tables.roles).values({ name: `editor-${userId}`, permissions: ["posts:write"] });
    const rule = { prefix: "/posts", access: "signed-in" as const, permissions: ["posts:write"] };
    expect(await outcome(() => requireUserUnder(rule))).toBe("forbidden");
    await addRoleToUser(userId, `editor-${userId}`);
    expect(await outcome(() => requireUserUnder(rule))).toBe("allowed");
  });

  it("reads the admin role of /admin from the configuration, not a hard-coded name", async () => {
    const { userId } = await signedIn();
    requestHeaders.set("x-gatehouse-path", "/admin?page=2");
    expect(await outcome(() => requireUser())).toBe("forbidden");
    await addRoleToUser(userId, getConfig().adminRole);
    expect(await outcome(() => requireUser())).toBe("allowed");
  });

  it("lets /admin/users in by the users:read permission, which the admin role holds and another role may be given", async () => {
    const { userId } = await signedIn();
    requestHeaders.set("x-gatehouse-path", "/admin/users?q=a");
    expect(await outcome(() => requireUser())).toBe("forbidden");
    const db = await getDb();
    // A support role that is not the admin role: the permission is what the rule asks for.
    await db.insert(tables.roles).values({ name: `support-${userId}`, permissions: [USERS_READ] });
    await addRoleToUser(userId, `support-${userId}`);
    expect(await outcome(() => requireUser())).toBe("allowed");
    requestHeaders.set("x-gatehouse-path", "/admin");
    expect(await outcome(() => requireUser())).toBe("forbidden");
    // An admin role made by naming it (createUser, the CLI, the e2e accounts) holds every console permission.
    const admin = await createUser({ email: `${crypto.randomUUID()}@example.com`, password: "a long enough passphrase", roles: [getConfig().adminRole] });
    const [role] = await db.select().from(tables.roles).where(eq(tables.roles.name, getConfig().adminRole));
    expect(admin).not.toBeNull();
    expect(role?.permissions).toEqual(expect.arrayContaining([...CONSOLE_PERMISSIONS]));
  });

  it("gives an existing admin role the console's permissions it lacks, and keeps its others (decision 040)", async () => {
    const db = await getDb();
    const name = getConfig().adminRole;
    await ensureAdminRole();
    await db
      .update(tables.roles)
      .set({ permissions: ["posts:write"] })
      .where(eq(tables.roles.name, name));
    expect(await ensureAdminRole()).toBe(true);
    expect(await ensureAdminRole()).toBe(false);
    const [role] = await db.select().from(tables.roles).where(eq(tables.roles.name, name));
    expect([...(role?.permissions ?? [])].sort()).toEqual([...CONSOLE_PERMISSIONS, "posts:write"].sort());
  });

  it("accepts any one of rolesAccepted and of permissionsAccepted, and refuses none (the reference's *_accepted decorators)", async () => {
    const { userId } = await signedIn();
    const db = await getDb();
    const rolesRule = { prefix: "/reports", access: "signed-in" as const, rolesAccepted: [`a-${userId}`, `b-${userId}`] };
    const permsRule = { prefix: "/reports", access: "signed-in" as const, permissionsAccepted: ["reports:read", "reports:write"] };
    expect(await outcome(() => requireUserUnder(rolesRule))).toBe("forbidden");
    expect(await outcome(() => requireUserUnder(permsRule))).toBe("forbidden");
    await addRoleToUser(userId, `b-${userId}`);
    expect(await outcome(() => requireUserUnder(rolesRule))).toBe("allowed");
    expect(await outcome(() => requireUserUnder(permsRule))).toBe("forbidden");
    await db.insert(tables.roles).values({ name: `w-${userId}`, permissions: ["reports:write"] });
    await addRoleToUser(userId, `w-${userId}`);
    expect(await outcome(() => requireUserUnder(permsRule))).toBe("allowed");
    // Both kinds together: each must be met.
    expect(await outcome(() => requireUserUnder({ ...permsRule, rolesAccepted: ["nobody-holds-this"] }))).toBe("forbidden");
  });

  it("sends stale sessions to /verify and extends grace for fresh ones", async () => {
    const { userId } = await signedIn();
    const db = await getDb();
    requestHeaders.set("x-gatehouse-path", "/account/security/two-step?tab=2");
    expect(await outcome(() => requireUser())).toBe("allowed");
    const [afterPass] = await db.select().from(tables.sessions).where(eq(tables.sessions.userId, userId));
    expect(afterPass?.graceUntil?.getTime()).toBeGreaterThan(Date.now() + 50 * 60 * 1000);

    await makeStale(userId);
    expect(await outcome(() => requireUser())).toBe("redirect /verify?next=%2Faccount%2Fsecurity%2Ftwo-step%3Ftab%3D2");
    // Where the table asks for no freshness, a stale session passes.
    requestHeaders.set("x-gatehouse-path", "/account/secret");
    expect(await outcome(() => requireUser())).toBe("allowed");
  });

  it("requireFreshUser asks for freshness on a page that does not, and extends grace like the table's rule", async () => {
    const { userId } = await signedIn();
    const db = await getDb();
    requestHeaders.set("x-gatehouse-path", "/account/sessions");
    await db.update(tables.sessions).set({ graceUntil: null }).where(eq(tables.sessions.userId, userId));
    expect(await outcome(() => requireFreshUser())).toBe("allowed");
    const [afterPass] = await db.select().from(tables.sessions).where(eq(tables.sessions.userId, userId));
    expect(afterPass?.graceUntil?.getTime()).toBeGreaterThan(Date.now() + 50 * 60 * 1000);

    await makeStale(userId);
    expect(await outcome(() => requireUser())).toBe("allowed");
    expect(await outcome(() => requireFreshUser())).toBe("redirect /verify?next=%2Faccount%2Fsessions");
  });

  it("keeps a page's rule when its path is too long to be a `next` (no fallback to a weaker rule)", async () => {
    const { userId } = await signedIn();
    await makeStale(userId);
    requestHeaders.set("x-gatehouse-path", `/account/security/two-step?pad=${"a".repeat(3000)}`);
    expect(await outcome(() => requireUser())).toBe("redirect /verify");
    requestHeaders.set("x-gatehouse-path", `/admin/users?pad=${"a".repeat(3000)}`);
    expect(await outcome(() => requireUser())).toBe("forbidden");
  });

  it("asks for freshness on /account/password only when there is no password to ask for", async () => {
    const { userId } = await signedIn();
    await makeStale(userId);
    requestHeaders.set("x-gatehouse-path", "/account/password");
    expect(await outcome(() => requireUser())).toBe("allowed");
    const db = await getDb();
    await db.update(tables.users).set({ passwordHash: null }).where(eq(tables.users.id, userId));
    expect(await outcome(() => requireUser())).toBe("redirect /verify?next=%2Faccount%2Fpassword");
  });

  it("ends the session on the next request after deactivation", async () => {
    const { userId } = await signedIn();
    expect(await outcome(() => requireUser())).toBe("allowed");
    const db = await getDb();
    await db.update(tables.users).set({ active: false }).where(eq(tables.users.id, userId));
    expect(await outcome(() => requireUser())).toMatch(/^redirect \/login/);
  });

  it("adds an action's own requirements to the table's: permissions, any-of roles, freshness (the console's writes)", async () => {
    const { userId } = await signedIn();
    const db = await getDb();
    requestHeaders.set("x-gatehouse-path", `/admin/users/${userId}`);
    // The table's rule for the page: users:read.
    await db.insert(tables.roles).values({ name: `reader-${userId}`, permissions: [USERS_READ] });
    await addRoleToUser(userId, `reader-${userId}`);
    expect(await outcome(() => requireUser())).toBe("allowed");
    expect(await outcome(() => requireUser({ permissions: [USERS_WRITE], fresh: true }))).toBe("forbidden");
    expect(await outcome(() => requireUser({ rolesAccepted: [`nobody-${userId}`, `reader-${userId}`] }))).toBe("allowed");
    expect(await outcome(() => requireUser({ rolesAccepted: [`nobody-${userId}`] }))).toBe("forbidden");
    await db.insert(tables.roles).values({ name: `writer-${userId}`, permissions: [USERS_WRITE] });
    await addRoleToUser(userId, `writer-${userId}`);
    expect(await outcome(() => requireUser({ permissions: [USERS_WRITE], fresh: true }))).toBe("allowed");
    // Stale: the page still opens, the write goes to /verify and comes back to the page.
    await makeStale(userId);
    expect(await outcome(() => requireUser())).toBe("allowed");
    expect(await outcome(() => requireUser({ permissions: [USERS_WRITE], fresh: true }))).toBe(`redirect /verify?next=%2Fadmin%2Fusers%2F${userId}`);
    // The extra rule never loosens the table's: without users:read the page's rule refuses first.
    requestHeaders.set("x-gatehouse-path", "/admin/roles");
    expect(await outcome(() => requireUser({ permissions: [USERS_WRITE] }))).toBe("forbidden");
  });

  it("sends a stale admin's console write to /verify and back: users:write on a user's page (adminUserAction) and requireFreshAdmin", async () => {
    const { userId } = await signedIn();
    await addRoleToUser(userId, getConfig().adminRole);
    await ensureAdminRole();
    const target = await createUser({ email: `${crypto.randomUUID()}@example.com`, password: "a long enough passphrase", confirmed: true });
    if (!target) throw new Error("no user");
    const deactivate = new FormData();
    for (const [key, value] of Object.entries({ userId: target.id, action: "deactivate", confirmed: "yes" })) deactivate.set(key, value);
    const targetActive = async () => (await (await getDb()).select().from(tables.users).where(eq(tables.users.id, target.id)))[0]?.active;

    await makeStale(userId);
    requestHeaders.set("x-gatehouse-path", `/admin/users/${target.id}`);
    // The page itself (users:read) opens without re-verifying; its write does not.
    expect(await outcome(() => requireUser())).toBe("allowed");
    expect(await outcome(() => adminUserAction(deactivate))).toBe(`redirect /verify?next=${encodeURIComponent(`/admin/users/${target.id}`)}`);
    expect(await targetActive()).toBe(true);
    requestHeaders.set("x-gatehouse-path", "/admin/rescue");
    expect(await outcome(() => requireFreshAdmin(USERS_WRITE))).toBe("redirect /verify?next=%2Fadmin%2Frescue");
    requestHeaders.set("x-gatehouse-path", "/admin/roles?edit=1");
    expect(await outcome(() => requireFreshAdmin(ROLES_WRITE))).toBe("redirect /verify?next=%2Fadmin%2Froles%3Fedit%3D1");

    // Re-verified: the same write goes through.
    await (await getDb()).update(tables.sessions).set({ authenticatedAt: new Date() }).where(eq(tables.sessions.userId, userId));
    expect(await outcome(() => requireFreshAdmin(ROLES_WRITE))).toBe("allowed");
    requestHeaders.set("x-gatehouse-path", `/admin/users/${target.id}`);
    expect(await outcome(() => adminUserAction(deactivate))).toBe(`redirect /admin/users/${target.id}?done=deactivate`);
    expect(await targetActive()).toBe(false);
  });
});
