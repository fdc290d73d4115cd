// Threat: the JSON wan-register, wan-delete and wan-verify endpoints add, remove or re-verify with passkeys where the page
// would refuse (stale, another caller's ceremony, another user's key, the last way in), or answer a 500 to a hostile credential.
import { describe, expect, it, vi } from "vitest";
import type { PublicKeyCredentialCreationOptionsJSON, PublicKeyCredentialRequestOptionsJSON } from "@simplewebauthn/server";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { apiSignIn, makeSessionsStale } = await import("../support/api-callers");
const { registerConfirmed, uniqueEmail, withEnv } = await import("../support/flows");
const { addPasskey, ceremonyRow, passkeysOf, removePassword, rpOrigin, signedInUser } = await import("../support/passkeys");
const { SoftwareAuthenticator } = await import("../support/webauthn-authenticator");
const registerRoute = await import("@/app/api/security/wan-register/route");
const registerFinishRoute = await import("@/app/api/security/wan-register/[token]/route");
const deleteRoute = await import("@/app/api/security/wan-delete/route");
const verifyRoute = await import("@/app/api/security/wan-verify/route");
const verifyFinishRoute = await import("@/app/api/security/wan-verify/[token]/route");

const S = "/api/security";
type Caller = Awaited<ReturnType<typeof apiSignIn>>;

async function newCaller(tag: string): Promise<Caller & { email: string }> {
  const email = uniqueEmail(tag);
  await registerConfirmed(email);
  return { email, ...(await apiSignIn(email)) };
}

async function beginRegister(c: Caller, json: object): Promise<{ options: PublicKeyCredentialCreationOptionsJSON; state: string }> {
  const answer = await c.client.call(registerRoute.POST, "POST", `${S}/wan-register`, { json, headers: c.headers });
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  return { options: answer.body.response.credential_options as PublicKeyCredentialCreationOptionsJSON, state: String(answer.body.response.wan_state) };
}

const finishRegister = (c: Caller, state: string, credential: unknown) =>
  c.client.call(registerFinishRoute.POST, "POST", `${S}/wan-register/${state}`, {
    json: { credential },
    headers: c.headers,
    documented: `${S}/wan-register/{token}`,
  });
const remove = (c: Caller, json: object) => c.client.call(deleteRoute.POST, "POST", `${S}/wan-delete`, { json, headers: c.headers });
const finishVerify = (c: Caller, state: string, credential: unknown, query = "") =>
  c.client.call(verifyFinishRoute.POST, "POST", `${S}/wan-verify/${state}`, {
    json: { credential },
    headers: c.headers,
    query,
    documented: `${S}/wan-verify/{token}`,
  });

describe("wan-register", () => {
  it("POST name+usage → options and a state in Postgres; the attestation (a JSON string) adds the passkey once; GET lists it", async () => {
    const c = await newCaller("api-wreg");
    expect((await c.client.call(registerRoute.GET, "GET", `${S}/wan-register`)).body.response.registered_credentials).toEqual([]);
    const { options, state } = await beginRegister(c, { name: "Laptop", usage: "first" });
    expect(await ceremonyRow(state)).toMatchObject({ purpose: "register", challenge: options.challenge, userId: c.userId });
    const credential = new SoftwareAuthenticator("platform").createCredential(options, { origin: rpOrigin() });
    const added = await finishRegister(c, state, JSON.stringify(credential));
    expect(added.status).toBe(200);
    expect(Object.keys(added.body.response)).toEqual(["csrf_token"]);
    const listed = await c.client.call(registerRoute.GET, "GET", `${S}/wan-register`);
    expect(listed.body.response.registered_credentials).toEqual([
      expect.objectContaining({ name: "Laptop", usage: "first", credential_id: credential.id, lastuse: null, discoverable: true }),
    ]);
    const replay = await finishRegister(c, state, JSON.stringify(credential));
    expect([replay.status, replay.body.response.code]).toEqual([400, "WEBAUTHN_EXPIRED"]);
  });

  it("usage defaults to a second factor (the reference's default); a name in use, no name or a bad usage is 400", async () => {
    const c = await newCaller("api-wreg-names");
    const { state } = await beginRegister(c, { name: "Key" });
    expect((await ceremonyRow(state))?.payload).toMatchObject({ usage: "secondary" });
    const owner = await signedInUser("api-wreg-owner");
    await addPasskey(owner, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    const o = await apiSignIn(owner.email);
    for (const [json, code] of [
      [{ name: "phone", usage: "first" }, "WEBAUTHN_NAME_INUSE"],
      [{ usage: "first" }, "WEBAUTHN_NAME_REQUIRED"],
      [{ name: "New", usage: "primary" }, "INVALID_INPUT"],
      // Refused, not cleaned (the reference's keys): markup, and more than 64 characters.
      [{ name: "<img src=x onerror=alert(1)>", usage: "first" }, "INVALID_INPUT"],
      [{ name: "n".repeat(65), usage: "first" }, "INVALID_INPUT_LENGTH"],
    ] as const) {
      const answer = await o.client.call(registerRoute.POST, "POST", `${S}/wan-register`, { json, headers: o.headers });
      expect([answer.status, answer.body.response.code], JSON.stringify(json)).toEqual([400, code]);
    }
  });

  it("another caller cannot use a user's state (and does not use it up); hostile credentials are 400 envelopes, never 500", async () => {
    const a = await newCaller("api-wreg-a");
    const b = await newCaller("api-wreg-b");
    const { options, state } = await beginRegister(a, { name: "Mine", usage: "first" });
    const credential = new SoftwareAuthenticator("platform").createCredential(options, { origin: rpOrigin() });
    const stolen = await finishRegister(b, state, credential);
    expect([stolen.status, stolen.body.response.code]).toEqual([400, "WEBAUTHN_EXPIRED"]);
    expect(await passkeysOf(b.userId)).toHaveLength(0);
    expect((await finishRegister(a, state, credential)).status).toBe(200);
    for (const junk of ["{not json", 42, { id: "x", type: "public-key" }, "a".repeat(200_000), null]) {
      const { state: s } = await beginRegister(a, { name: `K${Math.random()}` });
      const answer = await finishRegister(a, s, junk);
      expect(answer.status, JSON.stringify(junk)?.slice(0, 40)).toBe(400);
    }
    expect((await finishRegister(a, "..%2F..", "{}")).status).toBe(400);
    expect(await passkeysOf(a.userId)).toHaveLength(1);
  });

  it("two answers to one state at once: one passkey is added, the other answer is refused", async () => {
    const c = await newCaller("api-wreg-race");
    const { options, state } = await beginRegister(c, { name: "Racer", usage: "first" });
    const credential = new SoftwareAuthenticator("platform").createCredential(options, { origin: rpOrigin() });
    const answers = await Promise.all([1, 2].map(() => finishRegister(c, state, credential)));
    expect(answers.map((a) => a.status).sort()).toEqual([200, 400]);
    expect(await passkeysOf(c.userId)).toHaveLength(1);
  });

  it("an auth token registers too (its ceremony bound to the token); stale is 401 REAUTHENTICATION_REQUIRED; anonymous 401", async () => {
    const email = uniqueEmail("api-wreg-token");
    await registerConfirmed(email);
    const { token, userId } = await apiSignIn(email, "?include_auth_token");
    const t: Caller = { client: new ApiClient(), headers: { "Authentication-Token": token! }, userId };
    const { options, state } = await beginRegister(t, { name: "Token key", usage: "secondary" });
    const credential = new SoftwareAuthenticator("cross-platform").createCredential(options, { origin: rpOrigin(), userVerified: false });
    expect((await finishRegister(t, state, credential)).status).toBe(200);
    expect(await passkeysOf(userId)).toHaveLength(1);
    await withEnv({ SECURITY_FRESHNESS: "0s" }, async () => {
      const stale = await t.client.call(registerRoute.POST, "POST", `${S}/wan-register`, { json: { name: "Late" }, headers: t.headers });
      expect([stale.status, stale.body.response.code]).toEqual([401, "REAUTHENTICATION_REQUIRED"]);
    });
    expect((await new ApiClient().call(registerRoute.GET, "GET", `${S}/wan-register`)).status).toBe(401);
  });
});

describe("wan-delete", () => {
  it("removes a passkey by its name (any case); an unknown name is 400 WEBAUTHN_NAME_NOT_FOUND, none WEBAUTHN_NAME_REQUIRED; GET is 405", async () => {
    const who = await signedInUser("api-wdel");
    await addPasskey(who, new SoftwareAuthenticator(), { name: "Work Laptop", usage: "first" });
    const c = await apiSignIn(who.email);
    const unknown = await remove(c, { name: "Home" });
    expect([unknown.status, unknown.body.response.code]).toEqual([400, "WEBAUTHN_NAME_NOT_FOUND"]);
    const none = await remove(c, {});
    expect([none.status, none.body.response.code]).toEqual([400, "WEBAUTHN_NAME_REQUIRED"]);
    expect((await remove(c, { name: ["x"] })).status).toBe(400);
    const removed = await remove(c, { name: "work laptop" });
    expect(removed.status).toBe(200);
    expect(Object.keys(removed.body.response)).toEqual(["csrf_token"]);
    expect(await passkeysOf(who.user.id)).toHaveLength(0);
    const get = await c.client.call(deleteRoute.GET, "GET", `${S}/wan-delete`, { documented: false });
    expect(get.status).toBe(405);
  });

  it("never the last way to sign in (WEBAUTHN_LAST_SIGN_IN_METHOD), nor without its CSRF token", async () => {
    const who = await signedInUser("api-wdel-last");
    await addPasskey(who, new SoftwareAuthenticator(), { name: "Only", usage: "first" });
    const c = await apiSignIn(who.email);
    await removePassword(who.user.id);
    const last = await remove(c, { name: "Only" });
    expect([last.status, last.body.response.code]).toEqual([400, "WEBAUTHN_LAST_SIGN_IN_METHOD"]);
    const noCsrf = await c.client.call(deleteRoute.POST, "POST", `${S}/wan-delete`, { json: { name: "Only" } });
    expect([noCsrf.status, noCsrf.body.response.code]).toEqual([400, "CSRF_TOKEN_MISSING"]);
    expect(await passkeysOf(who.user.id)).toHaveLength(1);
  });
});

describe("wan-verify", () => {
  async function withKey(tag: string) {
    const who = await signedInUser(tag);
    const authenticator = new SoftwareAuthenticator("platform");
    const { credentialId } = await addPasskey(who, authenticator, { name: "Key", usage: "first" });
    return { who, authenticator, credentialId, caller: await apiSignIn(who.email) };
  }

  async function beginVerify(c: Caller): Promise<{ options: PublicKeyCredentialRequestOptionsJSON; state: string }> {
    const answer = await c.client.call(verifyRoute.POST, "POST", `${S}/wan-verify`, { json: {}, headers: c.headers });
    expect(answer.status, JSON.stringify(answer.body)).toBe(200);
    return { options: answer.body.response.credential_options as PublicKeyCredentialRequestOptionsJSON, state: String(answer.body.response.wan_state) };
  }

  it("a stale session's own passkey makes it fresh again (token when asked), once", async () => {
    const { authenticator, credentialId, caller } = await withKey("api-wver");
    await makeSessionsStale(caller.userId);
    expect((await caller.client.call(registerRoute.GET, "GET", `${S}/wan-register`)).status).toBe(401);
    const { options, state } = await beginVerify(caller);
    expect(options.allowCredentials?.map((c) => c.id)).toEqual([credentialId]);
    const assertion = JSON.stringify(authenticator.getAssertion(options, { origin: rpOrigin() }));
    const done = await finishVerify(caller, state, assertion, "?include_auth_token");
    expect(done.status).toBe(200);
    expect(done.body.response).toMatchObject({ user: { id: caller.userId, authentication_token: expect.any(String) } });
    expect((await caller.client.call(registerRoute.GET, "GET", `${S}/wan-register`)).status).toBe(200);
    const replay = await finishVerify(caller, state, assertion);
    expect([replay.status, replay.body.response.code]).toEqual([400, "WEBAUTHN_EXPIRED"]);
  });

  it("another user's key leaves the session stale; hostile credentials are 400; a token caller is 401; no passkey is 400", async () => {
    const mine = await withKey("api-wver-a");
    const theirs = await withKey("api-wver-b");
    await makeSessionsStale(mine.caller.userId);
    const { options, state } = await beginVerify(mine.caller);
    const foreign = theirs.authenticator.getAssertion(options, { origin: rpOrigin(), credentialId: theirs.credentialId });
    const refused = await finishVerify(mine.caller, state, foreign);
    expect(refused.status).toBe(400);
    expect((await mine.caller.client.call(registerRoute.GET, "GET", `${S}/wan-register`)).status).toBe(401);
    for (const junk of ["{not json", 42, { id: "x", type: "public-key" }, "a".repeat(200_000)]) {
      const { state: s } = await beginVerify(mine.caller);
      expect((await finishVerify(mine.caller, s, junk)).status, JSON.stringify(junk).slice(0, 40)).toBe(400);
    }
    const { token } = await apiSignIn(mine.who.email, "?include_auth_token");
    const byToken = await new ApiClient().call(verifyRoute.POST, "POST", `${S}/wan-verify`, { json: {}, headers: { "Authentication-Token": token! } });
    expect(byToken.status).toBe(401);
    const keyless = await newCaller("api-wver-none");
    const none = await keyless.client.call(verifyRoute.POST, "POST", `${S}/wan-verify`, { json: {}, headers: keyless.headers });
    expect([none.status, none.body.response.code]).toEqual([400, "WEBAUTHN_NOT_AVAILABLE"]);
  });
});
