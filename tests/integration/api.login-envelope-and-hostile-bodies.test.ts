// Threat: a JSON client that breaks on Gatehouse (another envelope, other field names, a 500 or an HTML page for a
// hostile body), or an answer that drifts from the OpenAPI document. Every answer here is validated against the document.
import { beforeAll, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { registerConfirmed, STRONG_PASSWORD, uniqueEmail } = await import("../support/flows");
const { saveMethod } = await import("../support/two-factor");
const loginRoute = await import("@/app/api/security/login/route");
const logoutRoute = await import("@/app/api/security/logout/route");
const meRoute = await import("@/app/api/me/route");

const LOGIN = "/api/security/login";
let email: string;
let userId: string;

beforeAll(async () => {
  email = uniqueEmail("api-login");
  userId = (await registerConfirmed(email)).id;
});

describe("POST /api/security/login", () => {
  it("signs in with the reference's fields and answers its envelope: user, csrf_token, tf_required false", async () => {
    const client = new ApiClient();
    const answer = await client.call(loginRoute.POST, "POST", LOGIN, { json: { email, password: STRONG_PASSWORD } });
    expect(answer.status).toBe(200);
    expect(answer.body.meta).toEqual({ code: 200 });
    expect(answer.body.response).toMatchObject({ tf_required: false, user: { id: userId, email } });
    expect(answer.body.response.csrf_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect((answer.body.response.user as Record<string, unknown>).authentication_token).toBeUndefined();
    const me = await client.call(meRoute.GET, "GET", "/api/me");
    expect(me.body.response).toMatchObject({ user: { id: userId }, authenticated_by: "session" });
  });

  it('a wrong password (generic responses on) is a 400 under ""; a missing field is one under its own name', async () => {
    const wrong = await new ApiClient().call(loginRoute.POST, "POST", LOGIN, { json: { email, password: "not the password at all" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.response).toMatchObject({ code: "GENERIC_AUTHN_FAILED", field_errors: { "": [expect.any(String)] } });
    const missing = await new ApiClient().call(loginRoute.POST, "POST", LOGIN, { json: { email } });
    expect(missing.status).toBe(400);
    expect(missing.body.response).toMatchObject({ code: "INVALID_INPUT", field_errors: { password: ["Password not provided"] } });
    const noIdentity = await new ApiClient().call(loginRoute.POST, "POST", LOGIN, { json: { password: "x" } });
    expect(noIdentity.body.response).toMatchObject({ field_errors: { email: [expect.any(String)] } });
  });

  it("?include_auth_token returns user.authentication_token, which opens GET /api/me", async () => {
    const client = new ApiClient();
    const answer = await client.call(loginRoute.POST, "POST", LOGIN, { json: { email, password: STRONG_PASSWORD }, query: "?include_auth_token" });
    const token = (answer.body.response.user as Record<string, string>).authentication_token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers: { "Authentication-Token": token! } });
    expect(me.status).toBe(200);
    expect(me.body.response).toMatchObject({ user: { id: userId, email }, authenticated_by: "token" });
  });

  it("a signed-in caller gets 400 ANONYMOUS_USER_REQUIRED", async () => {
    const client = new ApiClient();
    const first = await client.call(loginRoute.POST, "POST", LOGIN, { json: { email, password: STRONG_PASSWORD } });
    const again = await client.call(loginRoute.POST, "POST", LOGIN, {
      json: { email, password: STRONG_PASSWORD },
      headers: { "X-CSRF-Token": String(first.body.response.csrf_token) },
    });
    expect(again.status).toBe(400);
    expect(again.body.response.code).toBe("ANONYMOUS_USER_REQUIRED");
  });

  it("a second factor pending answers tf_required, tf_state ready and tf_method", async () => {
    const other = uniqueEmail("api-2fa");
    const user = await registerConfirmed(other);
    await saveMethod(user.id, "authenticator");
    const answer = await new ApiClient().call(loginRoute.POST, "POST", LOGIN, { json: { email: other, password: STRONG_PASSWORD } });
    expect(answer.status).toBe(200);
    expect(answer.body.response).toMatchObject({ tf_required: true, tf_state: "ready", tf_method: "authenticator" });
    expect(answer.body.response.user).toBeUndefined();
  });

  it("GET lists the identity attributes, and the user once signed in", async () => {
    const client = new ApiClient();
    const anonymous = await client.call(loginRoute.GET, "GET", LOGIN);
    expect(anonymous.body.response).toMatchObject({ identity_attributes: [{ email: { case_insensitive: true } }] });
    expect(anonymous.body.response.user).toBeUndefined();
    await client.call(loginRoute.POST, "POST", LOGIN, { json: { email, password: STRONG_PASSWORD } });
    const signedIn = await client.call(loginRoute.GET, "GET", LOGIN);
    expect(signedIn.body.response).toMatchObject({ user: { id: userId } });
  });
});

describe("hostile bodies get the envelope and a 4xx, never a 500", () => {
  const cases: [string, { body?: string | Uint8Array; json?: unknown; headers?: Record<string, string> }, number, string][] = [
    ["a form body", { body: "email=a%40b.c&password=x", headers: { "content-type": "application/x-www-form-urlencoded" } }, 415, "API_ERROR"],
    ["text/plain", { body: "{}", headers: { "content-type": "text/plain" } }, 415, "API_ERROR"],
    ["broken JSON", { body: '{"email":', headers: { "content-type": "application/json" } }, 400, "API_ERROR"],
    [
      "invalid UTF-8",
      { body: Uint8Array.from([0x7b, 0x22, 0x65, 0x22, 0x3a, 0x22, 0xff, 0x22, 0x7d]), headers: { "content-type": "application/json" } },
      400,
      "API_ERROR",
    ],
    ["a bare JSON string", { json: "email" }, 400, "API_ERROR"],
    ["an array", { json: [1, 2] }, 400, "API_ERROR"],
    ["null", { json: null }, 400, "API_ERROR"],
    ["a number in a string field", { json: { email: 5, password: "x" } }, 400, "API_ERROR"],
    ["an object in a string field", { json: { email: "a@b.c", password: { $gt: "" } } }, 400, "API_ERROR"],
    ["a string for remember", { json: { email: "a@b.c", password: "x", remember: "yes please" } }, 400, "API_ERROR"],
    ["a 100 kB password", { json: { email: "a@b.c", password: "p".repeat(100_000) } }, 400, "INVALID_INPUT"],
  ];
  it.each(cases)("%s", async (_name, request, status, code) => {
    const answer = await new ApiClient().call(loginRoute.POST, "POST", LOGIN, request);
    expect(answer.status).toBe(status);
    expect(answer.body.response.code).toBe(code);
    expect(answer.body.response.errors).toEqual(expect.arrayContaining([expect.any(String)]));
  });

  it("a body over the limit is a 413 in the envelope", async () => {
    const answer = await new ApiClient().call(loginRoute.POST, "POST", LOGIN, { json: { email: "a@b.c", password: "p".repeat(3 * 1024 * 1024) } });
    expect(answer.status).toBe(413);
  });

  it("a browser's cross-site call is refused before any credential is read", async () => {
    const answer = await new ApiClient().call(loginRoute.POST, "POST", LOGIN, {
      json: { email, password: STRONG_PASSWORD },
      headers: { origin: "https://evil.example", "sec-fetch-site": "cross-site" },
    });
    expect(answer.status).toBe(403);
  });
});

describe("logout", () => {
  it("answers {} and ends the session; GET is 405", async () => {
    const client = new ApiClient();
    const login = await client.call(loginRoute.POST, "POST", LOGIN, { json: { email, password: STRONG_PASSWORD } });
    const out = await client.call(logoutRoute.POST, "POST", "/api/security/logout", { headers: { "X-CSRF-Token": String(login.body.response.csrf_token) } });
    expect(out.status).toBe(200);
    expect(out.body.response).toEqual({});
    const me = await client.call(meRoute.GET, "GET", "/api/me");
    expect(me.status).toBe(401);
    expect(me.headers.get("www-authenticate")).toBeNull();
    const get = await client.call(logoutRoute.GET, "GET", "/api/security/logout", { documented: false });
    expect(get.status).toBe(405);
  });
});
