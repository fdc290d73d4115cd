// Threat: a refresh token that outlives what should end it (its idle or absolute expiry, logout, a password change or
// reset, an admin's reset, a deactivation), leaks into script-readable JSON in cookie mode, or renews freshness.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnv } = await import("../support/flows");
const { getDb, tables } = await import("@/lib/db");
const { setUniquifier } = await import("@/lib/security/accounts/users");
const { deactivateUser } = await import("@/lib/security/accounts/activation");
const { resetUserAccess } = await import("@/lib/security/lifecycle/reset-access");
const { findActiveAuthToken } = await import("@/lib/security/sessions/auth-tokens");
const { hashToken } = await import("@/lib/security/core/crypto");
const { pruneBatch } = await import("@/lib/security/core/prune");
const loginRoute = await import("@/app/api/security/login/route");
const logoutRoute = await import("@/app/api/security/logout/route");
const refreshRoute = await import("@/app/api/security/refresh-token/route");

type User = Awaited<ReturnType<typeof registerConfirmed>>;
type Tokens = { authentication_token?: string; refresh_token?: string; refresh_token_expires_at?: string };
let user: User;

beforeEach(async () => {
  user = await registerConfirmed(uniqueEmail("refresh"));
});

async function signIn(client = new ApiClient()): Promise<Tokens> {
  const answer = await client.call(loginRoute.POST, "POST", "/api/security/login", {
    json: { email: user.email, password: STRONG_PASSWORD },
    query: "?include_auth_token",
  });
  expect(answer.status).toBe(200);
  return answer.body.response.user as Tokens;
}

async function refresh(
  json: object,
  client = new ApiClient(),
  headers: Record<string, string> = {},
): Promise<{ status: number; tokens: Tokens; reason?: string }> {
  const answer = await client.call(refreshRoute.POST, "POST", "/api/security/refresh-token", { json, headers });
  const errors = answer.body.response.errors as string[] | undefined;
  return { status: answer.status, tokens: (answer.body.response.user ?? {}) as Tokens, reason: errors?.[0]?.match(/\((\w+)\)/)?.[1] };
}

async function rowOf(token: string): Promise<typeof tables.refreshTokens.$inferSelect | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(tables.refreshTokens)
    .where(eq(tables.refreshTokens.tokenHash, hashToken(token)));
  return row;
}

describe("refresh tokens", () => {
  it("come with a requested auth token, stored hashed; the exchange answers a working auth token with the sign-in's freshness", async () => {
    const signedIn = await signIn();
    expect(signedIn.refresh_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const row = await rowOf(signedIn.refresh_token!);
    expect(row?.generation).toBe(0);
    const db = await getDb();
    const all = await db.select().from(tables.refreshTokens).where(eq(tables.refreshTokens.userId, user.id));
    expect(JSON.stringify(all)).not.toContain(signedIn.refresh_token!);
    const next = await refresh({ refresh_token: signedIn.refresh_token });
    expect(next.status).toBe(200);
    expect(next.tokens.refresh_token).not.toBe(signedIn.refresh_token);
    const active = await findActiveAuthToken(next.tokens.authentication_token!);
    expect(active?.user.id).toBe(user.id);
    // A refresh is not a re-authentication: the new auth token is as fresh as the sign-in, no fresher.
    expect(active?.token.authenticatedAt.getTime()).toBe(row!.authenticatedAt.getTime());
    expect((await rowOf(next.tokens.refresh_token!))?.generation).toBe(1);
  });

  it("are not issued with SECURITY_REFRESH_TOKEN=false, and the endpoint refuses", async () => {
    await withEnv({ SECURITY_REFRESH_TOKEN: "false" }, async () => {
      const signedIn = await signIn();
      expect(signedIn.authentication_token).toBeTruthy();
      expect(signedIn.refresh_token).toBeUndefined();
      expect((await refresh({ refresh_token: "x".repeat(43) })).status).toBe(400);
    });
  });

  it("expire when idle (MAX_IDLE) and never outlive the family (MAX_AGE), then are pruned", async () => {
    const capped = await withEnv({ SECURITY_REFRESH_TOKEN_MAX_AGE: "1h", SECURITY_REFRESH_TOKEN_MAX_IDLE: "7d" }, signIn);
    const row = await rowOf(capped.refresh_token!);
    expect(Math.round((row!.expiresAt.getTime() - row!.createdAt.getTime()) / 60_000)).toBe(60);
    expect(row!.familyExpiresAt.getTime()).toBe(row!.expiresAt.getTime());
    const idle = await withEnv({ SECURITY_REFRESH_TOKEN_MAX_IDLE: "2h" }, signIn);
    const idleRow = await rowOf(idle.refresh_token!);
    expect(Math.round((idleRow!.expiresAt.getTime() - idleRow!.createdAt.getTime()) / 60_000)).toBe(120);
    const db = await getDb();
    await db
      .update(tables.refreshTokens)
      .set({ expiresAt: sql`now() - interval '2 days'` })
      .where(eq(tables.refreshTokens.tokenHash, hashToken(idle.refresh_token!)));
    expect(await refresh({ refresh_token: idle.refresh_token })).toMatchObject({ status: 400, reason: "EXPIRED" });
    // A live family keeps every generation (a replay of a spent one must still be recognised); a dead one goes.
    const live = await signIn();
    await refresh({ refresh_token: live.refresh_token });
    await pruneBatch("refreshTokens", 10_000);
    expect(await rowOf(idle.refresh_token!)).toBeUndefined();
    expect(await rowOf(live.refresh_token!)).toBeDefined();
  });

  it("end at logout with refresh_token, with the family's auth tokens", async () => {
    const signedIn = await signIn();
    const out = await new ApiClient().call(logoutRoute.POST, "POST", "/api/security/logout", {
      json: { refresh_token: signedIn.refresh_token },
      headers: { "Authentication-Token": signedIn.authentication_token! },
    });
    expect(out.status).toBe(200);
    expect(await refresh({ refresh_token: signedIn.refresh_token })).toMatchObject({ status: 400, reason: "REVOKED" });
    const other = await signIn();
    const next = await refresh({ refresh_token: other.refresh_token });
    await new ApiClient().call(logoutRoute.POST, "POST", "/api/security/logout", { json: { refresh_token: next.tokens.refresh_token } });
    expect(await findActiveAuthToken(next.tokens.authentication_token!)).toBeNull();
    expect(await findActiveAuthToken(other.authentication_token!)).toBeNull();
  });

  it("end with a password change or reset (the uniquifier), an admin's reset and a deactivation; not with a token uniquifier", async () => {
    const changed = await signIn();
    await setUniquifier(user.id);
    expect(await refresh({ refresh_token: changed.refresh_token })).toMatchObject({ status: 400, reason: "REVOKED" });
    const reset = await signIn();
    await resetUserAccess(user.id);
    expect(await refresh({ refresh_token: reset.refresh_token })).toMatchObject({ status: 400, reason: "REVOKED" });
    await withEnv({ SECURITY_TOKEN_UNIQUIFIER: "true" }, async () => {
      const separate = await signIn();
      await setUniquifier(user.id);
      expect((await refresh({ refresh_token: separate.refresh_token })).status).toBe(200);
    });
    const deactivated = await signIn();
    await deactivateUser(user.id);
    expect(await refresh({ refresh_token: deactivated.refresh_token })).toMatchObject({ status: 400, reason: "REVOKED" });
  });

  it("in cookie mode travel only in the cookie: never in the JSON; the exchange rotates it; logout clears it", async () => {
    await withEnv({ SECURITY_REFRESH_TOKEN_COOKIE: "true" }, async () => {
      const client = new ApiClient();
      const signedIn = await signIn(client);
      expect(signedIn.refresh_token).toBeUndefined();
      const first = client.jar.get("fs_refresh");
      expect(first).toMatch(/^[A-Za-z0-9_-]{43}$/);
      // The login also began a session in this jar; the exchange never reads it, so it needs no CSRF token.
      const next = await refresh({}, client);
      expect(next.status).toBe(200);
      const csrf = (await client.call(loginRoute.GET, "GET", "/api/security/login")).body.response.csrf_token as string;
      expect(next.tokens.refresh_token).toBeUndefined();
      expect(client.jar.get("fs_refresh")).not.toBe(first);
      // The old cookie value, replayed from elsewhere, ends the family.
      expect(await refresh({ refresh_token: first })).toMatchObject({ status: 400, reason: "GEN_MISMATCH" });
      const second = client.jar.get("fs_refresh")!;
      const out = await client.call(logoutRoute.POST, "POST", "/api/security/logout", { json: {}, headers: { "X-CSRF-Token": csrf } });
      expect(out.status).toBe(200);
      expect(client.jar.has("fs_refresh")).toBe(false);
      expect((await rowOf(second))?.revokedAt).not.toBeNull();
    });
  });

  it("the exchange never reads the session: a signed-in browser's refresh needs no CSRF token, and signs nobody in", async () => {
    const client = new ApiClient();
    const signedIn = await signIn(client);
    const next = await refresh({ refresh_token: signedIn.refresh_token }, client);
    expect(next.status).toBe(200);
    await withEnv({ SECURITY_CSRF_IGNORE_UNAUTH_ENDPOINTS: "false" }, async () => {
      expect((await refresh({ refresh_token: next.tokens.refresh_token }, new ApiClient())).status).toBe(400);
    });
  });

  it("hostile or missing input is a 400 in the envelope, a GET is a 405", async () => {
    expect(await refresh({})).toMatchObject({ status: 400, reason: "INVALID" });
    expect(await refresh({ refresh_token: "A".repeat(43) })).toMatchObject({ status: 400, reason: "NOT_FOUND" });
    expect(await refresh({ refresh_token: "not a token" })).toMatchObject({ status: 400, reason: "INVALID" });
    expect((await refresh({ refresh_token: 12345 })).status).toBe(400);
    expect((await refresh({ refresh_token: "x".repeat(200_000) })).status).toBe(400);
    const client = new ApiClient();
    expect(
      (await client.call(refreshRoute.POST, "POST", "/api/security/refresh-token", { body: "[1,2]", headers: { "content-type": "application/json" } })).status,
    ).toBe(400);
    expect((await client.call(refreshRoute.GET, "GET", "/api/security/refresh-token", { documented: false })).status).toBe(405);
  });
});
