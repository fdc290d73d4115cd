// Threat: a JSON client of Flask-Security's us-signin breaks on Gatehouse (other fields, envelope, statuses), or the
// API becomes a way round the page's rules: no second factor, no generic answer, a 500 for a hostile body, a replayed code.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { STRONG_PASSWORD, uniqueEmail, withEnv } = await import("../support/flows");
const { codeAt, saveMethod } = await import("../support/two-factor");
const { latestCodeMail, mailsWithSubject, SUBJECTS, unifiedUser } = await import("../support/unified");
const signinRoute = await import("@/app/api/security/us-signin/route");
const sendCodeRoute = await import("@/app/api/security/us-signin/send-code/route");
const meRoute = await import("@/app/api/me/route");

const SIGNIN = "/api/security/us-signin";
const SEND = "/api/security/us-signin/send-code";

describe("GET /api/security/us-signin", () => {
  it("lists the methods a passcode may be, the code methods and the identity attributes", async () => {
    const answer = await new ApiClient().call(signinRoute.GET, "GET", SIGNIN);
    expect(answer.status).toBe(200);
    expect(answer.body.response.available_methods).toEqual(expect.arrayContaining(["password", "email", "authenticator"]));
    expect(answer.body.response.code_methods).toContain("email");
    expect(answer.body.response.identity_attributes).toEqual(expect.arrayContaining([{ email: { case_insensitive: true } }]));
    expect(answer.body.response.user).toBeUndefined();
  });
});

describe("POST /api/security/us-signin", () => {
  it("the password in the passcode field signs in: user, csrf_token, tf_required false; ?include_auth_token adds a token", async () => {
    const u = await unifiedUser("api-us-pw");
    const client = new ApiClient();
    const answer = await client.call(signinRoute.POST, "POST", SIGNIN, {
      json: { identity: u.email, passcode: STRONG_PASSWORD },
      query: "?include_auth_token",
    });
    expect(answer.status).toBe(200);
    expect(answer.body.response).toMatchObject({ tf_required: false, user: { id: u.user.id, email: u.email } });
    const token = (answer.body.response.user as Record<string, string>).authentication_token!;
    const me = await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers: { "Authentication-Token": token } });
    expect(me.body.response).toMatchObject({ user: { id: u.user.id }, authenticated_by: "token" });
  });

  it("an authenticator code, sent as a JSON integer, signs in once; the same code again is refused", async () => {
    const u = await unifiedUser("api-us-totp", ["authenticator"]);
    const code = await codeAt(u.secrets.authenticator!);
    // A code with a leading zero is another integer: such a code goes as text.
    const passcode = code.startsWith("0") ? code : Number(code);
    const first = await new ApiClient().call(signinRoute.POST, "POST", SIGNIN, { json: { identity: u.email, passcode } });
    expect(first.body.response).toMatchObject({ tf_required: false, user: { id: u.user.id } });
    const again = await new ApiClient().call(signinRoute.POST, "POST", SIGNIN, { json: { identity: u.email, passcode: code } });
    expect(again.status).toBe(400);
    expect(again.body.response.code).toBe("GENERIC_AUTHN_FAILED");
  });

  it('wrong passcode: generic 400 under ""; without generic responses INVALID_PASSWORD_CODE under passcode; no identity: US_SPECIFY_IDENTITY', async () => {
    const u = await unifiedUser("api-us-wrong");
    const wrong = await new ApiClient().call(signinRoute.POST, "POST", SIGNIN, { json: { identity: u.email, passcode: "123456" } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.response).toMatchObject({ code: "GENERIC_AUTHN_FAILED", field_errors: { "": [expect.any(String)] } });
    await withEnv({ SECURITY_RETURN_GENERIC_RESPONSES: "false" }, async () => {
      const detailed = await new ApiClient().call(signinRoute.POST, "POST", SIGNIN, { json: { identity: u.email, passcode: "not it at all" } });
      expect(detailed.body.response).toMatchObject({ code: "INVALID_PASSWORD_CODE", field_errors: { passcode: ["Password or code submitted is not valid"] } });
    });
    const noIdentity = await new ApiClient().call(signinRoute.POST, "POST", SIGNIN, { json: { passcode: STRONG_PASSWORD } });
    expect(noIdentity.status).toBe(400);
    expect(noIdentity.body.response).toMatchObject({ code: "US_SPECIFY_IDENTITY", field_errors: { identity: [expect.any(String)] } });
  });

  it("a password sign-in of an account with a second factor answers the two-factor payload, not a user", async () => {
    const u = await unifiedUser("api-us-2fa");
    await saveMethod(u.user.id, "authenticator");
    const answer = await new ApiClient().call(signinRoute.POST, "POST", SIGNIN, { json: { identity: u.email, passcode: STRONG_PASSWORD } });
    expect(answer.status).toBe(200);
    expect(answer.body.response).toMatchObject({ tf_required: true, tf_state: "ready", tf_method: "authenticator" });
    expect(answer.body.response.user).toBeUndefined();
  });

  it("hostile bodies are 4xx envelopes: an object as passcode, a huge identity, not JSON", async () => {
    const client = new ApiClient();
    const typed = await client.call(signinRoute.POST, "POST", SIGNIN, { json: { identity: "x@example.com", passcode: { $gt: "" } } });
    expect(typed.status).toBe(400);
    expect(typed.body.response.code).toBe("API_ERROR");
    const huge = await client.call(signinRoute.POST, "POST", SIGNIN, { json: { identity: "a".repeat(5000), passcode: "x" } });
    expect(huge.status).toBe(400);
    const junk = await client.call(signinRoute.POST, "POST", SIGNIN, { body: "{not json", headers: { "content-type": "application/json" } });
    expect(junk.status).toBe(400);
  });

  it("a signed-in caller gets 400 ANONYMOUS_USER_REQUIRED", async () => {
    const u = await unifiedUser("api-us-twice");
    const client = new ApiClient();
    const first = await client.call(signinRoute.POST, "POST", SIGNIN, { json: { identity: u.email, passcode: STRONG_PASSWORD } });
    const again = await client.call(signinRoute.POST, "POST", SIGNIN, {
      json: { identity: u.email, passcode: STRONG_PASSWORD },
      headers: { "X-CSRF-Token": String(first.body.response.csrf_token) },
    });
    expect(again.status).toBe(400);
    expect(again.body.response.code).toBe("ANONYMOUS_USER_REQUIRED");
  });
});

describe("POST /api/security/us-signin/send-code", () => {
  it("emails the code (chosen_method email), which then signs in through us-signin", async () => {
    const u = await unifiedUser("api-us-send", ["email"]);
    const client = new ApiClient();
    const sent = await client.call(sendCodeRoute.POST, "POST", SEND, { json: { identity: u.email, chosen_method: "email" } });
    expect(sent.status).toBe(200);
    expect(Object.keys(sent.body.response)).toEqual(["csrf_token"]);
    const { code } = await latestCodeMail(u.email);
    const signedIn = await client.call(signinRoute.POST, "POST", SIGNIN, { json: { identity: u.email, passcode: code } });
    expect(signedIn.body.response).toMatchObject({ tf_required: false, user: { id: u.user.id } });
  });

  it("generic responses: an unknown identity answers exactly what a known one does, and nothing is sent", async () => {
    const unknown = uniqueEmail("api-us-nobody");
    const answer = await new ApiClient().call(sendCodeRoute.POST, "POST", SEND, { json: { identity: unknown, chosen_method: "email" } });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.body.response)).toEqual(["csrf_token"]);
    expect(await mailsWithSubject(unknown, SUBJECTS.code)).toHaveLength(0);
  });

  it("a method that sends no code is 400 under chosen_method; without generic responses an unknown identity is USER_DOES_NOT_EXIST", async () => {
    const bad = await new ApiClient().call(sendCodeRoute.POST, "POST", SEND, { json: { identity: "x@example.com", chosen_method: "carrier-pigeon" } });
    expect(bad.status).toBe(400);
    expect(bad.body.response.field_errors).toHaveProperty("chosen_method");
    await withEnv({ SECURITY_RETURN_GENERIC_RESPONSES: "false" }, async () => {
      const unknown = await new ApiClient().call(sendCodeRoute.POST, "POST", SEND, { json: { identity: uniqueEmail("api-us-none"), chosen_method: "email" } });
      expect(unknown.status).toBe(400);
      expect(unknown.body.response).toMatchObject({ code: "USER_DOES_NOT_EXIST", field_errors: { identity: [expect.any(String)] } });
    });
    const typed = await new ApiClient().call(sendCodeRoute.POST, "POST", SEND, { json: { identity: ["a"], chosen_method: "email" } });
    expect(typed.status).toBe(400);
    expect(typed.body.response.code).toBe("API_ERROR");
  });
});
