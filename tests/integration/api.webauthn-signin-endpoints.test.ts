// Threat: the JSON wan-signin endpoints open an account with a replayed, foreign or malformed assertion, skip the
// second factor, keep challenges in memory, or answer a 500 to a hostile credential. Guarantee: the pages' rules, as JSON.
import { describe, expect, it, vi } from "vitest";
import type { PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { STRONG_PASSWORD } = await import("../support/flows");
const { saveMethod } = await import("../support/two-factor");
const { addPasskey, ceremonyRow, rpOrigin, signedInUser } = await import("../support/passkeys");
const { SoftwareAuthenticator } = await import("../support/webauthn-authenticator");
const signinRoute = await import("@/app/api/security/wan-signin/route");
const finishRoute = await import("@/app/api/security/wan-signin/[token]/route");
const loginRoute = await import("@/app/api/security/login/route");
const meRoute = await import("@/app/api/me/route");

const START = "/api/security/wan-signin";
const FINISH = "/api/security/wan-signin/{token}";
type ApiClientT = InstanceType<typeof ApiClient>;
type Authenticator = InstanceType<typeof SoftwareAuthenticator>;

async function begin(client: ApiClientT, json: object = {}): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; state: string; secondary: boolean }> {
  const answer = await client.call(signinRoute.POST, "POST", START, { json });
  expect(answer.status).toBe(200);
  const r = answer.body.response;
  return { options: r.credential_options as PublicKeyCredentialRequestOptionsJSON, state: String(r.wan_state), secondary: r.is_secondary === true };
}

function finish(client: ApiClientT, state: string, json: object, query = "") {
  return client.call(finishRoute.POST, "POST", `${START}/${state}`, { json, query, documented: FINISH });
}

async function withPasskey(tag: string, usage: "first" | "secondary", userVerified = true) {
  const who = await signedInUser(tag);
  const authenticator = new SoftwareAuthenticator(usage === "first" ? "platform" : "cross-platform");
  const { credentialId } = await addPasskey(who, authenticator, { name: "Key", usage }, { userVerified });
  return { ...who, authenticator, credentialId };
}

/** The authenticator's answer as the reference's clients send it (a JSON string); `credentialId` answers with a key not offered. */
const assert = (a: Authenticator, options: PublicKeyCredentialRequestOptionsJSON, userVerified = true, credentialId?: string): string =>
  JSON.stringify(a.getAssertion(options, { origin: rpOrigin(), userVerified, credentialId }));

describe("first factor: POST wan-signin then wan-signin/<state>", () => {
  it("step 1 answers options and a state kept in Postgres; step 2 (credential as a JSON string) signs in, with a token when asked", async () => {
    const who = await withPasskey("api-wan", "first");
    const client = new ApiClient();
    const { options, state, secondary } = await begin(client, { remember: true });
    expect(secondary).toBe(false);
    expect(await ceremonyRow(state)).toMatchObject({ purpose: "sign-in", challenge: options.challenge });
    const done = await finish(client, state, { credential: assert(who.authenticator, options) }, "?include_auth_token");
    expect(done.status).toBe(200);
    expect(done.body.response).toMatchObject({ tf_required: false, user: { id: who.user.id }, post_login_url: expect.any(String) });
    const token = (done.body.response.user as Record<string, string>).authentication_token!;
    const me = await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers: { "Authentication-Token": token } });
    expect(me.body.response).toMatchObject({ user: { id: who.user.id } });
    // The state is single-use: the same answer again finds no ceremony.
    const replay = await finish(new ApiClient(), state, { credential: assert(who.authenticator, options) });
    expect(replay.status).toBe(400);
    expect(replay.body.response.code).toBe("WEBAUTHN_EXPIRED");
  });

  it("without user verification, an account with a second factor gets the two-factor payload, not a user", async () => {
    const who = await withPasskey("api-wan-nouv", "first");
    await saveMethod(who.user.id, "authenticator");
    const client = new ApiClient();
    const { options, state } = await begin(client);
    const done = await finish(client, state, { credential: assert(who.authenticator, options, false) });
    expect(done.body.response).toMatchObject({ tf_required: true, tf_state: "ready", tf_method: "authenticator" });
    expect(done.body.response.user).toBeUndefined();
  });

  it("a 'second factor' key is refused as a first factor (WEBAUTHN_CREDENTIAL_WRONG_USAGE)", async () => {
    const who = await withPasskey("api-wan-usage", "secondary", false);
    const client = new ApiClient();
    const { options, state } = await begin(client);
    const done = await finish(client, state, { credential: assert(who.authenticator, options, false, who.credentialId) });
    expect(done.status).toBe(400);
    expect(done.body.response.code).toBe("WEBAUTHN_CREDENTIAL_WRONG_USAGE");
  });

  it("an `identity` hints allowCredentials (SECURITY_WAN_ALLOW_USER_HINTS); an unknown one gets the same shape; a non-string is 400", async () => {
    const who = await withPasskey("api-wan-hint", "first");
    const client = new ApiClient();
    const hinted = await begin(client, { identity: who.email });
    expect(hinted.options.allowCredentials).toEqual([{ id: who.credentialId, type: "public-key" }]);
    const done = await finish(client, hinted.state, { credential: assert(who.authenticator, hinted.options) });
    expect(done.status).toBe(200);
    const unknown = (await begin(new ApiClient(), { identity: "nobody-here@example.com" })).options.allowCredentials ?? [];
    expect(unknown.length).toBeGreaterThanOrEqual(1);
    expect(unknown.every((c) => Object.keys(c).sort().join() === "id,type")).toBe(true);
    const wrongType = await new ApiClient().call(signinRoute.POST, "POST", START, { json: { identity: ["a@b.c"] } });
    expect([wrongType.status, wrongType.body.response.code]).toEqual([400, "API_ERROR"]);
  });

  it("hostile credentials are 400 envelopes: not JSON, the wrong type, an object of junk, a huge string, a bad state", async () => {
    const client = new ApiClient();
    for (const credential of ["{not json", 42, { id: "x", type: "public-key" }, "a".repeat(200_000)]) {
      const { state } = await begin(client);
      const answer = await finish(client, state, { credential });
      expect(answer.status, JSON.stringify(credential).slice(0, 40)).toBe(400);
      expect(["API_ERROR", "INVALID_INPUT", "WEBAUTHN_EXPIRED"]).toContain(answer.body.response.code);
    }
    const badState = await finish(client, "..%2F..", { credential: "{}" });
    expect(badState.status).toBe(400);
  });
});

describe("second factor: after a password, wan-signin is the pending sign-in's passkey step", () => {
  it("is_secondary, then the user's own 'second factor' key completes the sign-in", async () => {
    const who = await withPasskey("api-wan-2fa", "secondary", false);
    const client = new ApiClient();
    const login = await client.call(loginRoute.POST, "POST", "/api/security/login", { json: { email: who.email, password: STRONG_PASSWORD } });
    expect(login.body.response).toMatchObject({ tf_required: true, tf_method: "webauthn", tf_signin_url: START });
    const { options, state, secondary } = await begin(client);
    expect(secondary).toBe(true);
    expect(options.allowCredentials?.length).toBe(1);
    const done = await finish(client, state, { credential: assert(who.authenticator, options, false) });
    expect(done.status).toBe(200);
    expect(done.body.response).toMatchObject({ tf_required: false, user: { id: who.user.id } });
    const me = await client.call(meRoute.GET, "GET", "/api/me");
    expect(me.body.response).toMatchObject({ user: { id: who.user.id }, authenticated_by: "session" });
  });

  it("another user's key does not complete it", async () => {
    const who = await withPasskey("api-wan-2fa-a", "secondary", false);
    const other = await withPasskey("api-wan-2fa-b", "secondary", false);
    const client = new ApiClient();
    await client.call(loginRoute.POST, "POST", "/api/security/login", { json: { email: who.email, password: STRONG_PASSWORD } });
    const { options, state } = await begin(client);
    const done = await finish(client, state, { credential: assert(other.authenticator, options, false, other.credentialId) });
    expect(done.status).toBe(400);
    expect(done.body.response.user).toBeUndefined();
  });
});
