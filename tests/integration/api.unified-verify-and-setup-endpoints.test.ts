// Threat: the JSON us-verify and us-setup endpoints let a stale session or a token re-verify or change sign-in methods
// the page would refuse, accept a wrong or replayed code, or answer a 500 to hostile input. Guarantee: the page's flows as JSON.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { apiSignIn, makeSessionsStale } = await import("../support/api-callers");
const { STRONG_PASSWORD, withEnv } = await import("../support/flows");
const { codeAt, nextCode, wrongCode } = await import("../support/two-factor");
const { latestCodeMail, methodsOf, unifiedUser } = await import("../support/unified");
const { removePassword } = await import("../support/passkeys");
const meRoute = await import("@/app/api/me/route");
const verifyRoute = await import("@/app/api/security/us-verify/route");
const verifySendRoute = await import("@/app/api/security/us-verify/send-code/route");
const setupRoute = await import("@/app/api/security/us-setup/route");
const setupTokenRoute = await import("@/app/api/security/us-setup/[token]/route");

const S = "/api/security";
type Client = InstanceType<typeof ApiClient>;

const setupPost = (client: Client, json: object, headers: Record<string, string>) => client.call(setupRoute.POST, "POST", `${S}/us-setup`, { json, headers });
const setupConfirm = (client: Client, state: string, json: object, headers: Record<string, string>) =>
  client.call(setupTokenRoute.POST, "POST", `${S}/us-setup/${encodeURIComponent(state)}`, { json, headers, documented: `${S}/us-setup/{token}` });

describe("us-verify", () => {
  it("GET lists the user's code methods; a stale session re-verified by a password passcode is fresh again (token when asked)", async () => {
    const u = await unifiedUser("api-usv-pw", ["email"]);
    const { client, headers } = await apiSignIn(u.email);
    const described = await client.call(verifyRoute.GET, "GET", `${S}/us-verify`);
    expect(described.body.response).toMatchObject({ code_methods: ["email"], has_webauthn_verify_credential: false, user: { id: u.user.id } });
    await makeSessionsStale(u.user.id);
    const stale = await client.call(setupRoute.GET, "GET", `${S}/us-setup`);
    expect([stale.status, stale.body.response.code]).toEqual([401, "REAUTHENTICATION_REQUIRED"]);
    const verified = await client.call(verifyRoute.POST, "POST", `${S}/us-verify`, {
      json: { passcode: STRONG_PASSWORD },
      headers,
      query: "?include_auth_token",
    });
    expect(verified.status).toBe(200);
    const token = (verified.body.response.user as Record<string, string>).authentication_token!;
    expect(token).toEqual(expect.any(String));
    expect((await client.call(setupRoute.GET, "GET", `${S}/us-setup`)).status).toBe(200);
    const me = await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers: { "Authentication-Token": token } });
    expect(me.body.response).toMatchObject({ user: { id: u.user.id } });
  });

  it("send-code emails a code that re-verifies once; a wrong passcode is 400 INVALID_PASSWORD_CODE under passcode and leaves it stale", async () => {
    const u = await unifiedUser("api-usv-code", ["email"]);
    const { client, headers } = await apiSignIn(u.email);
    await makeSessionsStale(u.user.id);
    const wrong = await client.call(verifyRoute.POST, "POST", `${S}/us-verify`, { json: { passcode: "123456" }, headers });
    expect(wrong.status).toBe(400);
    expect(wrong.body.response).toMatchObject({ code: "INVALID_PASSWORD_CODE", field_errors: { passcode: [expect.any(String)] } });
    const empty = await client.call(verifyRoute.POST, "POST", `${S}/us-verify`, { json: {}, headers });
    expect(empty.body.response.code).toBe("INVALID_PASSWORD_CODE");
    expect((await client.call(setupRoute.GET, "GET", `${S}/us-setup`)).status).toBe(401);

    const sent = await client.call(verifySendRoute.POST, "POST", `${S}/us-verify/send-code`, { json: { chosen_method: "email" }, headers });
    expect(sent.status).toBe(200);
    expect(Object.keys(sent.body.response)).toEqual(["csrf_token"]);
    const { code } = await latestCodeMail(u.email);
    // As a JSON integer, as the reference accepts it (a code with a leading zero goes as text).
    const ok = await client.call(verifyRoute.POST, "POST", `${S}/us-verify`, { json: { passcode: code.startsWith("0") ? code : Number(code) }, headers });
    expect(ok.status).toBe(200);
    expect(ok.body.response).toMatchObject({ user: { id: u.user.id } });
    expect(ok.body.response.user).not.toHaveProperty("authentication_token");
    await makeSessionsStale(u.user.id);
    const replay = await client.call(verifyRoute.POST, "POST", `${S}/us-verify`, { json: { passcode: code }, headers });
    expect(replay.status).toBe(400);
  });

  it("send-code refuses a method the user does not have (400 US_METHOD_NOT_AVAILABLE) and hostile bodies are 400, never 500", async () => {
    const u = await unifiedUser("api-usv-bad", ["email"]);
    const { client, headers } = await apiSignIn(u.email);
    const sms = await client.call(verifySendRoute.POST, "POST", `${S}/us-verify/send-code`, { json: { chosen_method: "sms" }, headers });
    expect(sms.status).toBe(400);
    expect(sms.body.response).toMatchObject({ code: "US_METHOD_NOT_AVAILABLE", field_errors: { chosen_method: [expect.any(String)] } });
    for (const json of [{ passcode: { $gt: "" } }, { passcode: "9".repeat(5000) }, { passcode: ["1"] }, { next: 7 }, { passcode: "12\ud8003456" }]) {
      const answer = await client.call(verifyRoute.POST, "POST", `${S}/us-verify`, { json, headers });
      expect(answer.status, JSON.stringify(json).slice(0, 40)).toBe(400);
    }
    const junk = await client.call(verifyRoute.POST, "POST", `${S}/us-verify`, {
      body: "{not json",
      headers: { ...headers, "content-type": "application/json" },
    });
    expect(junk.status).toBe(400);
  });

  it("is the session's only: anonymous is 401, an auth token is 401, a session call without its CSRF token is 400", async () => {
    const u = await unifiedUser("api-usv-who", ["email"]);
    const { client, token } = await apiSignIn(u.email, "?include_auth_token");
    expect((await new ApiClient().call(verifyRoute.GET, "GET", `${S}/us-verify`)).status).toBe(401);
    const byToken = await new ApiClient().call(verifyRoute.POST, "POST", `${S}/us-verify`, {
      json: { passcode: STRONG_PASSWORD },
      headers: { "Authentication-Token": token! },
    });
    expect(byToken.status).toBe(401);
    const noCsrf = await client.call(verifyRoute.POST, "POST", `${S}/us-verify`, { json: { passcode: STRONG_PASSWORD } });
    expect([noCsrf.status, noCsrf.body.response.code]).toEqual([400, "CSRF_TOKEN_MISSING"]);
  });

  it("with unified sign-in off, the endpoints answer 400 US_METHOD_NOT_AVAILABLE", async () => {
    const u = await unifiedUser("api-usv-off");
    const { client } = await apiSignIn(u.email);
    await withEnv({ SECURITY_UNIFIED_SIGNIN: "false" }, async () => {
      const answer = await client.call(verifyRoute.GET, "GET", `${S}/us-verify`);
      expect([answer.status, answer.body.response.code]).toEqual([400, "US_METHOD_NOT_AVAILABLE"]);
    });
  });
});

describe("us-setup", () => {
  it("GET describes; POST an authenticator answers authr_* and a state; us-setup/<state> with its code saves it once; a wrong code is 400", async () => {
    const u = await unifiedUser("api-uss-totp", ["email"]);
    const { client, headers } = await apiSignIn(u.email);
    const described = await client.call(setupRoute.GET, "GET", `${S}/us-setup`);
    expect(described.body.response).toMatchObject({ active_methods: expect.arrayContaining(["password", "email"]), phone: null });
    expect(described.body.response.setup_methods).toEqual(expect.arrayContaining(["email", "authenticator"]));
    const started = await setupPost(client, { chosen_method: "authenticator" }, headers);
    expect(started.status).toBe(200);
    const r = started.body.response as Record<string, string>;
    expect(r).toMatchObject({ chosen_method: "authenticator", phone: null, authr_username: u.email, authr_uri: expect.stringMatching(/^otpauth:\/\//) });
    const right = await codeAt(r.authr_key!);
    const wrong = await setupConfirm(client, r.state!, { passcode: wrongCode(right) }, headers);
    expect(wrong.status).toBe(400);
    expect(wrong.body.response).toMatchObject({ code: "INVALID_PASSWORD_CODE", field_errors: { passcode: [expect.any(String)] } });
    expect(await methodsOf(u.user.id)).toEqual(["email"]);
    const saved = await setupConfirm(client, r.state!, { passcode: right }, headers);
    expect(saved.status).toBe(200);
    expect(saved.body.response).toMatchObject({ chosen_method: "authenticator", phone: null, user: { id: u.user.id } });
    expect(await methodsOf(u.user.id)).toEqual(["authenticator", "email"]);
    const again = await setupConfirm(client, r.state!, { passcode: await nextCode(r.authr_key!) }, headers);
    expect([again.status, again.body.response.code]).toEqual([400, "US_SETUP_EXPIRED"]);
  });

  it("two confirmations of one state at once: one saves the method, the other is refused", async () => {
    const u = await unifiedUser("api-uss-race", ["email"]);
    const { client, headers } = await apiSignIn(u.email);
    const r = (await setupPost(client, { chosen_method: "authenticator" }, headers)).body.response as Record<string, string>;
    const code = await codeAt(r.authr_key!);
    const answers = await Promise.all([1, 2].map(() => setupConfirm(client, r.state!, { passcode: code }, headers)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
    expect(await methodsOf(u.user.id)).toEqual(["authenticator", "email"]);
  });

  it("delete_method removes a method at once and answers the methods left; never the last way in; an unknown method is 400", async () => {
    const u = await unifiedUser("api-uss-del", ["email", "authenticator"]);
    const { client, headers } = await apiSignIn(u.email);
    const removed = await setupPost(client, { delete_method: ["authenticator"] }, headers);
    expect(removed.status).toBe(200);
    expect(removed.body.response.active_methods).toEqual(["password", "email"]);
    expect(await methodsOf(u.user.id)).toEqual(["email"]);
    await removePassword(u.user.id);
    const last = await setupPost(client, { delete_method: "email" }, headers);
    expect([last.status, last.body.response.code]).toEqual([400, "US_LAST_SIGN_IN_METHOD"]);
    expect(await methodsOf(u.user.id)).toEqual(["email"]);
    const unknown = await setupPost(client, { chosen_method: "carrier-pigeon" }, headers);
    expect(unknown.status).toBe(400);
    expect(unknown.body.response.field_errors).toHaveProperty("chosen_method");
  });

  it("an auth token may set up (fresh like the page); stale, anonymous, a forged state and hostile bodies are refused with 4xx", async () => {
    const u = await unifiedUser("api-uss-token");
    const { token } = await apiSignIn(u.email, "?include_auth_token");
    const byToken = new ApiClient();
    const tokenHeaders = { "Authentication-Token": token! };
    const started = await setupPost(byToken, { chosen_method: "sms", phone: "not a phone" }, tokenHeaders);
    expect([started.status, started.body.response.code]).toEqual([400, "PHONE_INVALID"]);
    const ok = await setupPost(byToken, { chosen_method: "authenticator" }, tokenHeaders);
    expect(ok.status).toBe(200);
    const forged = await setupConfirm(byToken, "forged-state", { passcode: "123456" }, tokenHeaders);
    expect([forged.status, forged.body.response.code]).toEqual([400, "US_SETUP_EXPIRED"]);
    expect((await setupPost(new ApiClient(), { chosen_method: "authenticator" }, {})).status).toBe(401);
    for (const json of [
      { chosen_method: 5 },
      { delete_method: [{}] },
      { delete_method: Array(10).fill("email") },
      { phone: "1".repeat(5000), chosen_method: "sms" },
    ]) {
      const answer = await setupPost(byToken, json, tokenHeaders);
      expect(answer.status, JSON.stringify(json).slice(0, 40)).toBe(400);
    }
    await withEnv({ SECURITY_FRESHNESS: "0s" }, async () => {
      const stale = await setupPost(byToken, { chosen_method: "authenticator" }, tokenHeaders);
      expect([stale.status, stale.body.response.code]).toEqual([401, "REAUTHENTICATION_REQUIRED"]);
    });
  });
});
