// Threat: a cross-site page making a signed-in browser call the JSON API (sign-out, and every unsafe call after it)
// with its session cookie. The call must echo the csrf_token of an earlier answer; token and Basic calls are exempt.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnv } = await import("../support/flows");
const { saveMethod } = await import("../support/two-factor");
const loginRoute = await import("@/app/api/security/login/route");
const logoutRoute = await import("@/app/api/security/logout/route");
const meRoute = await import("@/app/api/me/route");

const LOGIN = "/api/security/login";
const LOGOUT = "/api/security/logout";
let email: string;

beforeAll(async () => {
  email = uniqueEmail("api-csrf");
  await registerConfirmed(email);
});

async function signedIn(): Promise<{ client: InstanceType<typeof ApiClient>; csrf: string }> {
  const client = new ApiClient();
  const answer = await client.call(loginRoute.POST, "POST", LOGIN, { json: { email, password: STRONG_PASSWORD } });
  expect(answer.status).toBe(200);
  return { client, csrf: String(answer.body.response.csrf_token) };
}

async function stillSignedIn(client: InstanceType<typeof ApiClient>): Promise<boolean> {
  return (await client.call(meRoute.GET, "GET", "/api/me")).status === 200;
}

describe("CSRF on session-authenticated JSON calls", () => {
  it("missing: 400 CSRF_TOKEN_MISSING, and nothing happens", async () => {
    const { client } = await signedIn();
    const answer = await client.call(logoutRoute.POST, "POST", LOGOUT);
    expect(answer.status).toBe(400);
    expect(answer.body.response).toMatchObject({ code: "CSRF_TOKEN_MISSING", errors: ["The CSRF token is missing."] });
    expect(await stillSignedIn(client)).toBe(true);
  });

  it("wrong (another session's): 400 CSRF_TOKEN_INVALID", async () => {
    const { client } = await signedIn();
    const { csrf: othersToken } = await signedIn();
    const answer = await client.call(logoutRoute.POST, "POST", LOGOUT, { headers: { "X-CSRF-Token": othersToken } });
    expect(answer.body.response.code).toBe("CSRF_TOKEN_INVALID");
    expect(await stillSignedIn(client)).toBe(true);
  });

  it("right, in X-CSRF-Token or X-XSRF-Token (or the configured header): the call goes through", async () => {
    for (const header of ["X-CSRF-Token", "X-XSRF-Token", "X-CSRFToken"]) {
      const { client, csrf } = await signedIn();
      const answer = await client.call(logoutRoute.POST, "POST", LOGOUT, { headers: { [header]: csrf } });
      expect(answer.status, header).toBe(200);
      expect(await stillSignedIn(client)).toBe(false);
    }
    await withEnv({ SECURITY_CSRF_HEADER: "X-My-Csrf" }, async () => {
      const { client, csrf } = await signedIn();
      expect((await client.call(logoutRoute.POST, "POST", LOGOUT, { headers: { "x-my-csrf": csrf } })).status).toBe(200);
    });
  });

  it("every answer to the session carries the same token, and a new sign-in gets a new one", async () => {
    const { client, csrf } = await signedIn();
    const me = await client.call(meRoute.GET, "GET", "/api/me");
    expect(me.body.response.csrf_token).toBe(csrf);
    const { csrf: another } = await signedIn();
    expect(another).not.toBe(csrf);
  });

  it("SECURITY_CSRF_COOKIE_NAME: a readable cookie holds the current token from sign-in on, and goes at sign-out", async () => {
    expect((await signedIn()).client.jar.has("XSRF-TOKEN"), "no cookie unless configured").toBe(false);
    await withEnv({ SECURITY_CSRF_COOKIE_NAME: "XSRF-TOKEN" }, async () => {
      const { client, csrf } = await signedIn();
      expect(client.jar.get("XSRF-TOKEN")).toBe(csrf);
      await client.call(meRoute.GET, "GET", "/api/me");
      expect(client.jar.get("XSRF-TOKEN"), "refreshed by each answer that carries the token").toBe(csrf);
      // What a front-end library does: copy the cookie into the header.
      const out = await client.call(logoutRoute.POST, "POST", LOGOUT, { headers: { "X-XSRF-Token": client.jar.get("XSRF-TOKEN")! } });
      expect(out.status).toBe(200);
      expect(client.jar.has("XSRF-TOKEN")).toBe(false);
    });
  });

  it("a token-authenticated call needs none", async () => {
    const login = await new ApiClient().call(loginRoute.POST, "POST", LOGIN, { json: { email, password: STRONG_PASSWORD }, query: "?include_auth_token" });
    const token = (login.body.response.user as Record<string, string>).authentication_token!;
    const answer = await new ApiClient().call(logoutRoute.POST, "POST", LOGOUT, { headers: { "Authentication-Token": token } });
    expect(answer.status).toBe(200);
  });

  it("anonymous calls are exempt, unless SECURITY_CSRF_IGNORE_UNAUTH_ENDPOINTS=false: then GET /login's token is needed", async () => {
    await withEnv({ SECURITY_CSRF_IGNORE_UNAUTH_ENDPOINTS: "false" }, async () => {
      const client = new ApiClient();
      const refused = await client.call(loginRoute.POST, "POST", LOGIN, { json: { email, password: STRONG_PASSWORD } });
      expect(refused.body.response.code).toBe("CSRF_TOKEN_MISSING");
      const form = await client.call(loginRoute.GET, "GET", LOGIN);
      const csrf = String(form.body.response.csrf_token);
      const wrong = await client.call(loginRoute.POST, "POST", LOGIN, {
        json: { email, password: STRONG_PASSWORD },
        headers: { "X-CSRF-Token": "x".repeat(43) },
      });
      expect(wrong.body.response.code).toBe("CSRF_TOKEN_INVALID");
      const ok = await client.call(loginRoute.POST, "POST", LOGIN, { json: { email, password: STRONG_PASSWORD }, headers: { "X-CSRF-Token": csrf } });
      expect(ok.status).toBe(200);
    });
  });
});

describe("HTTP Basic", () => {
  const basic = (identity: string, password: string) => ({ authorization: `Basic ${Buffer.from(`${identity}:${password}`).toString("base64")}` });

  it("is off by default: no challenge, and credentials are not read", async () => {
    const answer = await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers: basic(email, STRONG_PASSWORD) });
    expect(answer.status).toBe(401);
    expect(answer.headers.get("www-authenticate")).toBeNull();
  });

  it("switched on: the right password passes, a wrong one gets the Basic challenge; an account with a second factor is refused", async () => {
    await withEnv({ SECURITY_HTTP_BASIC_AUTH: "true" }, async () => {
      const ok = await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers: basic(email, STRONG_PASSWORD) });
      expect(ok.status).toBe(200);
      expect(ok.body.response.authenticated_by).toBe("basic");
      const wrong = await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers: basic(email, "wrong password here") });
      expect(wrong.status).toBe(401);
      expect(wrong.headers.get("www-authenticate")).toBe('Basic realm="Login Required"');
      const twoFactorEmail = uniqueEmail("api-basic-2fa");
      const user = await registerConfirmed(twoFactorEmail);
      await saveMethod(user.id, "authenticator");
      const refused = await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers: basic(twoFactorEmail, STRONG_PASSWORD) });
      expect(refused.status).toBe(401);
    });
  });
});
