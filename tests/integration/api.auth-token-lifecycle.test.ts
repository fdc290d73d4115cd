// Threat: an auth token that outlives what should end it (a rotated uniquifier, its expiry, a deactivated account,
// logout), opens a route that accepts only sessions, is read from a URL by default, or passes for fresh when it is not.
import { eq, sql } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnv } = await import("../support/flows");
const { getDb, tables } = await import("@/lib/db");
const { setUniquifier } = await import("@/lib/security/accounts/users");
const { deactivateUser } = await import("@/lib/security/accounts/activation");
const { issueAuthToken, setTokenUniquifier } = await import("@/lib/security/sessions/auth-tokens");
const { pruneBatch } = await import("@/lib/security/core/prune");
const { hashToken } = await import("@/lib/security/core/crypto");
const { checkRule, authenticate } = await import("@/lib/api/guard");
const { apiRoute } = await import("@/lib/api/route");
const { meGet } = await import("@/lib/api/contracts/login");
const { verifyGet } = await import("@/lib/api/contracts/account");
const { me } = await import("@/lib/api/endpoints/login");
const loginRoute = await import("@/app/api/security/login/route");
const logoutRoute = await import("@/app/api/security/logout/route");
const meRoute = await import("@/app/api/me/route");

type User = Awaited<ReturnType<typeof registerConfirmed>>;
let user: User;

beforeEach(async () => {
  user = await registerConfirmed(uniqueEmail("api-token"));
});

async function meWith(token: string, query = ""): Promise<number> {
  const answer = await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers: query ? {} : { "Authentication-Token": token }, query });
  return answer.status;
}

async function freshUser(): Promise<User> {
  const db = await getDb();
  const [row] = await db.select().from(tables.users).where(eq(tables.users.id, user.id));
  return row!;
}

async function tokenFor(target: User, authenticatedAt = new Date()): Promise<string> {
  return (await issueAuthToken(target, { authnVia: ["password"], authenticatedAt })).token;
}

describe("auth tokens", () => {
  it("are stored hashed, and die when the uniquifier rotates (a password change or reset)", async () => {
    const token = await tokenFor(user);
    const db = await getDb();
    const rows = await db.select().from(tables.authTokens).where(eq(tables.authTokens.userId, user.id));
    expect(rows.map((r) => r.tokenHash)).toEqual([hashToken(token)]);
    expect(await meWith(token)).toBe(200);
    await setUniquifier(user.id);
    expect(await meWith(token)).toBe(401);
  });

  it("with SECURITY_TOKEN_UNIQUIFIER they follow the token uniquifier instead", async () => {
    await withEnv({ SECURITY_TOKEN_UNIQUIFIER: "true" }, async () => {
      const token = await tokenFor(user);
      await setUniquifier(user.id);
      expect(await meWith(token)).toBe(200);
      await setTokenUniquifier(user.id);
      expect(await meWith(token)).toBe(401);
    });
  });

  it("expire (SECURITY_TOKEN_MAX_AGE), and the expired rows are pruned", async () => {
    const token = await withEnv({ SECURITY_TOKEN_MAX_AGE: "1h" }, () => tokenFor(user));
    const db = await getDb();
    const [row] = await db
      .select()
      .from(tables.authTokens)
      .where(eq(tables.authTokens.tokenHash, hashToken(token)));
    expect(Math.round((row!.expiresAt.getTime() - row!.createdAt.getTime()) / 60_000)).toBe(60);
    expect(await meWith(token)).toBe(200);
    await db
      .update(tables.authTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(tables.authTokens.tokenHash, hashToken(token)));
    expect(await meWith(token)).toBe(401);
    expect(await pruneBatch("authTokens")).toBeGreaterThanOrEqual(1);
    expect(
      await db
        .select()
        .from(tables.authTokens)
        .where(eq(tables.authTokens.tokenHash, hashToken(token))),
    ).toEqual([]);
  });

  it("die with a deactivated account, and at logout with that token", async () => {
    const token = await tokenFor(user);
    const other = await tokenFor(user);
    const out = await new ApiClient().call(logoutRoute.POST, "POST", "/api/security/logout", { headers: { "Authentication-Token": token } });
    expect(out.status).toBe(200);
    expect(await meWith(token)).toBe(401);
    expect(await meWith(other)).toBe(200);
    await deactivateUser(user.id);
    expect(await meWith(other)).toBe(401);
  });

  it("never open a route that accepts only sessions", async () => {
    const token = await tokenFor(user);
    // /api/security/verify's rule accepts only the session. The rule is the endpoint's own (its contract's
    // path), whatever URL reached it: a prefix rewrite must not turn a session-only endpoint into an open one.
    const sessionOnly = apiRoute(verifyGet, me);
    for (const url of ["/api/security/verify", "/auth/verify"]) {
      const answer = await new ApiClient().call(sessionOnly, "GET", url, { headers: { "Authentication-Token": token }, documented: "/api/security/verify" });
      expect(answer.status, url).toBe(401);
    }
    // The same token on an endpoint that takes tokens, reached at a URL in no route table: its own rule lets it in.
    const tokenTaking = apiRoute(meGet, me);
    expect(
      (await new ApiClient().call(tokenTaking, "GET", "/elsewhere/me", { headers: { "Authentication-Token": token }, documented: "/api/me" })).status,
    ).toBe(200);
    const request = new Request("http://localhost:3000/verify", { headers: { "Authentication-Token": token } });
    expect(await authenticate(request, ["session"], { ip: "10.0.0.1", userAgent: null })).toBeNull();
    expect(await authenticate(request, ["token"], { ip: "10.0.0.1", userAgent: null })).not.toBeNull();
  });

  it("are read from the query string only when SECURITY_TOKEN_ALLOW_QUERY_STRING says so", async () => {
    const token = await tokenFor(user);
    expect(await meWith(token, `?auth_token=${token}`)).toBe(401);
    await withEnv({ SECURITY_TOKEN_ALLOW_QUERY_STRING: "true" }, async () => {
      expect(await meWith(token, `?auth_token=${token}`)).toBe(200);
    });
  });

  it("the header name is configurable", async () => {
    const token = await tokenFor(user);
    await withEnv({ SECURITY_TOKEN_AUTHENTICATION_HEADER: "X-Api-Token" }, async () => {
      expect(await meWith(token)).toBe(401);
      const answer = await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers: { "x-api-token": token } });
      expect(answer.status).toBe(200);
    });
  });

  it("carry the sign-in's freshness (SECURITY_FRESHNESS_ALLOW_AUTH_TOKEN), with no grace period", async () => {
    const rule = { prefix: "/x", access: "signed-in" as const, fresh: true as const, mechanisms: ["token" as const] };
    const principalOf = async (token: string) =>
      authenticate(new Request("http://localhost:3000/x", { headers: { "Authentication-Token": token } }), ["token"], { ip: "10.0.0.1", userAgent: null });
    const current = await freshUser();
    const fresh = await principalOf(await tokenFor(current));
    const stale = await principalOf(await tokenFor(current, new Date(Date.now() - 25 * 3600 * 1000)));
    expect(await checkRule(fresh, rule)).toBeNull();
    expect((await checkRule(stale, rule))?.code).toBe("REAUTHENTICATION_REQUIRED");
    await withEnv({ SECURITY_FRESHNESS_ALLOW_AUTH_TOKEN: "false" }, async () => {
      expect((await checkRule(fresh, rule))?.code).toBe("REAUTHENTICATION_REQUIRED");
    });
  });

  it("a token issued at login carries that sign-in's authn_via and authenticated_at", async () => {
    const answer = await new ApiClient().call(loginRoute.POST, "POST", "/api/security/login", {
      json: { email: user.email, password: STRONG_PASSWORD },
      query: "?include_auth_token",
    });
    const token = (answer.body.response.user as Record<string, string>).authentication_token!;
    const db = await getDb();
    const [row] = await db
      .select()
      .from(tables.authTokens)
      .where(eq(tables.authTokens.tokenHash, hashToken(token)));
    expect(row?.authnVia).toEqual(["password"]);
    expect(Math.abs(row!.authenticatedAt.getTime() - Date.now())).toBeLessThan(60_000);
  });
});
