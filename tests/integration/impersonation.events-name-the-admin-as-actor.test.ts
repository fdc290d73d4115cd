// Threat: what an administrator does while viewing the app as a user is logged as the user's own doing
// (no trace of who), or an ordinary session's events name an actor; or "view as" changes the user's password.
import { and, eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { apiSignIn } = await import("../support/api-callers");
const { account, uniqueRole } = await import("../support/datastore");
const { newCtx, STRONG_PASSWORD, withEnvForTheFile } = await import("../support/flows");
const { getDb, tables } = await import("@/lib/db");
const { CONSOLE_PERMISSIONS } = await import("@/lib/security/core/console-permissions");
const { findOrCreateRole } = await import("@/lib/security/accounts/roles");
const { listUserEvents } = await import("@/lib/security/core/events");
const { createSession, findActiveSession } = await import("@/lib/security/sessions/store");
const { startImpersonation, endImpersonation } = await import("@/lib/security/sessions/impersonation");
const { sessionCookieName } = await import("@/lib/security/sessions/cookies");
const { csrfTokenOf } = await import("@/lib/api/csrf");
const logoutRoute = await import("@/app/api/security/logout/route");
const changeRoute = await import("@/app/api/security/change/route");
const pageLogout = await import("@/app/logout/route");

const ADMIN = uniqueRole("admin");
withEnvForTheFile({ SECURITY_ADMIN_ROLE: ADMIN });

/** An administrator's session, and a client whose session cookie is a view-as session of `target`. */
async function viewingAs(tag: string) {
  await findOrCreateRole(ADMIN, { permissions: [...CONSOLE_PERMISSIONS] });
  const admin = await account(`${tag}-admin`, [ADMIN]);
  const { token } = await createSession(admin, { authnVia: ["password"], remember: false, ctx: newCtx() });
  const active = (await findActiveSession(token))!;
  const target = await account(`${tag}-user`);
  const started = await startImpersonation({ ...active, token }, target.id, newCtx());
  if (!started.ok) throw new Error(started.code);
  const client = new ApiClient();
  client.jar.set(sessionCookieName(), started.session.token);
  return { admin, target, client, viewToken: started.session.token, adminToken: token };
}

/** The session's CSRF header: the token is derived from the session (decision 021). */
async function csrfHeaders(sessionToken: string): Promise<Record<string, string>> {
  return { "X-CSRF-Token": await csrfTokenOf(null, sessionToken) };
}

async function actorsOf(userId: string, type: string): Promise<(string | null)[]> {
  const db = await getDb();
  const rows = await db
    .select({ actorId: tables.securityEvents.actorId })
    .from(tables.securityEvents)
    .where(and(eq(tables.securityEvents.userId, userId), eq(tables.securityEvents.type, type as "user_unauthenticated")));
  return rows.map((r) => r.actorId);
}

describe("events written in a view-as session name the administrator as actor (decision 058)", () => {
  it("an API call made through the view-as session: the user's event has the admin as actor, and the activity log says who", async () => {
    const { admin, target, client, viewToken } = await viewingAs("api");
    const answer = await client.call(logoutRoute.POST, "POST", "/api/security/logout", { json: {}, headers: await csrfHeaders(viewToken) });
    expect(answer.status).toBe(200);
    expect(await actorsOf(target.id, "user_unauthenticated")).toEqual([admin.id]);
    const log = await listUserEvents(target.id);
    expect(log.find((e) => e.type === "user_unauthenticated")).toMatchObject({ actorEmail: admin.email });
    // The start was the console's (the admin's own session): its user event carries `by`, no actor.
    expect(log.find((e) => e.type === "impersonation_started")).toMatchObject({ actorEmail: null, data: { by: admin.id } });
  });

  it("a page's action (the request context from the session cookie): signing out at /logout is the admin's doing", async () => {
    const { admin, target, client } = await viewingAs("page");
    const response = await client.send(
      pageLogout.POST,
      new Request("http://localhost:3000/logout", {
        method: "POST",
        headers: { origin: "http://localhost:3000", "content-type": "application/x-www-form-urlencoded" },
        body: "",
      }),
    );
    expect(response.status).toBe(303);
    expect(await actorsOf(target.id, "user_unauthenticated")).toEqual([admin.id]);
  });

  it("returning to the admin's account: the user's 'ended' event names them, the admin's own log has no actor on itself", async () => {
    const { admin, target, viewToken, adminToken } = await viewingAs("return");
    const viewing = (await findActiveSession(viewToken))!;
    const ended = await endImpersonation(viewing, adminToken, { ...newCtx(), actorId: admin.id });
    expect(ended.ok).toBe(true);
    const db = await getDb();
    const rows = await db.select().from(tables.securityEvents).where(eq(tables.securityEvents.type, "impersonation_ended"));
    expect(rows.filter((r) => r.userId === target.id).map((r) => r.actorId)).toEqual([admin.id]);
    const own = await db
      .select()
      .from(tables.securityEvents)
      .where(and(eq(tables.securityEvents.userId, admin.id), eq(tables.securityEvents.type, "admin_action")));
    expect(own.length).toBeGreaterThan(0);
    expect(own.every((r) => r.actorId === null)).toBe(true);
  });

  it("an ordinary session's events have no actor", async () => {
    const user = await account("plain");
    const caller = await apiSignIn(user.email);
    const answer = await caller.client.call(logoutRoute.POST, "POST", "/api/security/logout", { json: {}, headers: caller.headers });
    expect(answer.status).toBe(200);
    expect(await actorsOf(user.id, "user_unauthenticated")).toEqual([null]);
    expect((await listUserEvents(user.id)).every((e) => e.actorEmail === null)).toBe(true);
  });

  it("a view-as session cannot change the user's password, even with the right current password", async () => {
    const { target, client, viewToken } = await viewingAs("password");
    const before = (await findActiveSession(viewToken))!.user.passwordHash;
    const answer = await client.call(changeRoute.POST, "POST", "/api/security/change", {
      json: { password: STRONG_PASSWORD, new_password: `${STRONG_PASSWORD}-2`, new_password_confirm: `${STRONG_PASSWORD}-2` },
      headers: await csrfHeaders(viewToken),
    });
    expect(answer.status).toBe(401);
    expect(answer.body.response).toMatchObject({ reauth_required: true });
    const db = await getDb();
    const [row] = await db.select({ passwordHash: tables.users.passwordHash }).from(tables.users).where(eq(tables.users.id, target.id));
    expect(row!.passwordHash).toBe(before);
  });
});
