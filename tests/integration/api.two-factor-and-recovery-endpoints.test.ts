// Threat: a JSON client that cannot finish a two-factor sign-in (or finishes one without the second factor), a
// recovery code that works twice or yields a token, or an answer that drifts from the OpenAPI document or is a 500.
import { beforeAll, describe, expect, it } from "vitest";
import { vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnv, mailsTo } = await import("../support/flows");
const { codeAt, nextCode, saveMethod, savedSecret, wrongCode } = await import("../support/two-factor");
const { addRoleToUser } = await import("@/lib/security/accounts/user-roles");
const { generateRecoveryCodes } = await import("@/lib/security/recovery-codes/store");
const { newCtx } = await import("../support/flows");
const loginRoute = await import("@/app/api/security/login/route");
const meRoute = await import("@/app/api/me/route");
const tfSetup = await import("@/app/api/security/tf-setup/route");
const tfSetupToken = await import("@/app/api/security/tf-setup/[token]/route");
const tfValidate = await import("@/app/api/security/tf-validate/route");
const tfRescue = await import("@/app/api/security/tf-rescue/route");
const tfSelect = await import("@/app/api/security/tf-select/route");
const mfRecoveryCodes = await import("@/app/api/security/mf-recovery-codes/route");
const mfRecovery = await import("@/app/api/security/mf-recovery/route");

type ApiClientT = InstanceType<typeof ApiClient>;
const S = "/api/security";

/** A client whose password step is done: the pending-login cookie is in its jar. */
async function pendingClient(email: string): Promise<ApiClientT> {
  const client = new ApiClient();
  const login = await client.call(loginRoute.POST, "POST", `${S}/login`, { json: { email, password: STRONG_PASSWORD } });
  expect(login.body.response).toMatchObject({ tf_required: true });
  return client;
}

/** A client signed in with a session (fresh), and its CSRF header. */
async function signedInClient(email: string): Promise<{ client: ApiClientT; csrf: Record<string, string> }> {
  const client = new ApiClient();
  const login = await client.call(loginRoute.POST, "POST", `${S}/login`, { json: { email, password: STRONG_PASSWORD } });
  expect(login.body.response).toMatchObject({ tf_required: false });
  return { client, csrf: { "X-CSRF-Token": String(login.body.response.csrf_token) } };
}

let email: string;
let userId: string;
let secret: string;

beforeAll(async () => {
  email = uniqueEmail("api-tf");
  userId = (await registerConfirmed(email)).id;
  secret = await saveMethod(userId, "authenticator");
});

describe("a full JSON sign-in with an authenticator code", () => {
  it("login → tf_required → tf-validate with a real TOTP code and ?include_auth_token → GET /api/me with the token", async () => {
    const client = await pendingClient(email);
    const answer = await client.call(tfValidate.POST, "POST", `${S}/tf-validate`, { json: { code: await nextCode(secret) }, query: "?include_auth_token" });
    expect(answer.status).toBe(200);
    expect(answer.body.response).toMatchObject({ tf_required: false, user: { id: userId, email } });
    const token = (answer.body.response.user as Record<string, string>).authentication_token;
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const me = await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers: { "Authentication-Token": token! } });
    expect(me.body.response).toMatchObject({ user: { id: userId }, authenticated_by: "token" });
    // The session cookie was set too, and the pending sign-in is over: its cookie cannot validate again.
    expect((await client.call(meRoute.GET, "GET", "/api/me")).body.response).toMatchObject({ authenticated_by: "session" });
  });

  it("a code as a JSON integer is accepted (Flask-Security's code fields)", async () => {
    const other = uniqueEmail("api-tf-int");
    const id = (await registerConfirmed(other)).id;
    const key = await saveMethod(id, "authenticator");
    let code = await codeAt(key);
    while (code.startsWith("0")) code = await codeAt(key, -30);
    const answer = await (await pendingClient(other)).call(tfValidate.POST, "POST", `${S}/tf-validate`, { json: { code: Number(code) } });
    expect(answer.status).toBe(200);
    expect(answer.body.response).toMatchObject({ user: { id } });
  });
});

describe("tf-validate's error shapes", () => {
  it("a wrong code is 400 TWO_FACTOR_INVALID_TOKEN under `code` and keeps the pending sign-in", async () => {
    const client = await pendingClient(email);
    const right = await nextCode(secret);
    const wrong = await client.call(tfValidate.POST, "POST", `${S}/tf-validate`, { json: { code: wrongCode(right) } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.response).toMatchObject({ code: "TWO_FACTOR_INVALID_TOKEN", field_errors: { code: [expect.any(String)] } });
    expect((await client.call(meRoute.GET, "GET", "/api/me")).status).toBe(401);
  });

  it("no pending sign-in is 400 TWO_FACTOR_PERMISSION_DENIED (GET and POST); hostile bodies are 400s, never 500", async () => {
    const none = new ApiClient();
    expect((await none.call(tfValidate.POST, "POST", `${S}/tf-validate`, { json: { code: "123456" } })).body.response.code).toBe(
      "TWO_FACTOR_PERMISSION_DENIED",
    );
    const get = await none.call(tfValidate.GET, "GET", `${S}/tf-validate`);
    expect([get.status, get.body.response.code]).toEqual([400, "TWO_FACTOR_PERMISSION_DENIED"]);
    const client = await pendingClient(email);
    for (const json of [{ code: { $gt: "" } }, { code: "x".repeat(5000) }, { code: ["123456"] }, { code: -1 }, "123456", [1], null]) {
      const answer = await client.call(tfValidate.POST, "POST", `${S}/tf-validate`, { json });
      expect(answer.status, JSON.stringify(json)).toBe(400);
    }
    const notJson = await client.call(tfValidate.POST, "POST", `${S}/tf-validate`, {
      body: "code=1",
      headers: { "content-type": "application/x-www-form-urlencoded" },
    });
    expect(notJson.status).toBe(415);
  });

  it("the pages' limit holds: the fifth wrong code ends the pending sign-in (TWO_FACTOR_ATTEMPTS_EXCEEDED), then even the right code is denied", async () => {
    const other = uniqueEmail("api-tf-limit");
    const id = (await registerConfirmed(other)).id;
    const key = await saveMethod(id, "authenticator");
    const client = await pendingClient(other);
    const right = await nextCode(key);
    const codes: string[] = [];
    for (let i = 0; i < 5; i++) {
      codes.push(String((await client.call(tfValidate.POST, "POST", `${S}/tf-validate`, { json: { code: wrongCode(right) } })).body.response.code));
    }
    expect(codes).toEqual([...Array<string>(4).fill("TWO_FACTOR_INVALID_TOKEN"), "TWO_FACTOR_ATTEMPTS_EXCEEDED"]);
    const after = await client.call(tfValidate.POST, "POST", `${S}/tf-validate`, { json: { code: right } });
    expect([after.status, after.body.response.code]).toEqual([400, "TWO_FACTOR_PERMISSION_DENIED"]);
  });

  it("a signed-in caller that POSTs is signed out and refused (TWO_FACTOR_PERMISSION_DENIED), as in the reference; GET stays 400 ANONYMOUS_USER_REQUIRED", async () => {
    const plain = uniqueEmail("api-tf-plain");
    await registerConfirmed(plain);
    const { client, csrf } = await signedInClient(plain);
    const looked = await client.call(tfValidate.GET, "GET", `${S}/tf-validate`);
    expect([looked.status, looked.body.response.code]).toEqual([400, "ANONYMOUS_USER_REQUIRED"]);
    expect((await client.call(meRoute.GET, "GET", "/api/me")).status).toBe(200);
    const answer = await client.call(tfValidate.POST, "POST", `${S}/tf-validate`, { json: { code: "123456" }, headers: csrf });
    expect([answer.status, answer.body.response.code]).toEqual([400, "TWO_FACTOR_PERMISSION_DENIED"]);
    expect((await client.call(meRoute.GET, "GET", "/api/me")).status).toBe(401);
  });

  it("a caller with an auth token that POSTs loses the token too", async () => {
    const plain = uniqueEmail("api-tf-token");
    await registerConfirmed(plain);
    const login = await new ApiClient().call(loginRoute.POST, "POST", `${S}/login`, {
      json: { email: plain, password: STRONG_PASSWORD },
      query: "?include_auth_token",
    });
    const token = String((login.body.response.user as Record<string, string>).authentication_token);
    const headers = { "Authentication-Token": token };
    expect((await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers })).status).toBe(200);
    const answer = await new ApiClient().call(tfValidate.POST, "POST", `${S}/tf-validate`, { json: { code: "123456" }, headers });
    expect([answer.status, answer.body.response.code]).toEqual([400, "TWO_FACTOR_PERMISSION_DENIED"]);
    expect((await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers })).status).toBe(401);
  });
});

describe("tf-rescue and tf-select", () => {
  it("GET lists the rescue options; email sends a code that tf-validate accepts; recovery_code points at mf-recovery; a bad choice is 400", async () => {
    await withEnv({ SECURITY_TWO_FACTOR_RESCUE_EMAIL: "true" }, async () => {
      const client = await pendingClient(email);
      const options = await client.call(tfRescue.GET, "GET", `${S}/tf-rescue`);
      expect(options.body.response.recovery_options).toMatchObject({ email: expect.any(String), recovery_code: expect.any(String) });
      expect((await client.call(tfValidate.GET, "GET", `${S}/tf-validate`)).body.response.recovery_options).toEqual(options.body.response.recovery_options);

      const before = (await mailsTo(email)).length;
      const sent = await client.call(tfRescue.POST, "POST", `${S}/tf-rescue`, { json: { help_setup: "email" } });
      expect(sent.status).toBe(200);
      const mails = await mailsTo(email);
      expect(mails.length).toBe(before + 1);
      const rescueCode = /\b(\d{6})\b/.exec(mails[0]!.text ?? "")?.[1];
      expect(rescueCode).toBeDefined();

      const pointer = await client.call(tfRescue.POST, "POST", `${S}/tf-rescue`, { json: { help_setup: "recovery_code" } });
      expect(pointer.body.response).toMatchObject({ tf_recovery_url: "/api/security/mf-recovery" });
      const bad = await client.call(tfRescue.POST, "POST", `${S}/tf-rescue`, { json: { help_setup: "sms" } });
      expect(bad.status).toBe(400);
      expect(bad.body.response.field_errors).toMatchObject({ help_setup: [expect.any(String)] });

      const done = await client.call(tfValidate.POST, "POST", `${S}/tf-validate`, { json: { code: rescueCode } });
      expect(done.status).toBe(200);
      expect(done.body.response).toMatchObject({ user: { id: userId } });
    });
  });

  it("tf-select lists the usable methods and POST which returns the chosen method's payload; an unknown one is 400 under `which`", async () => {
    const client = await pendingClient(email);
    const listed = await client.call(tfSelect.GET, "GET", `${S}/tf-select`);
    expect(listed.body.response).toMatchObject({ tf_select: true, tf_setup_methods: ["authenticator"] });
    const chosen = await client.call(tfSelect.POST, "POST", `${S}/tf-select`, { json: { which: "authenticator" } });
    expect(chosen.body.response).toMatchObject({ tf_required: true, tf_state: "ready", tf_method: "authenticator" });
    const unknown = await client.call(tfSelect.POST, "POST", `${S}/tf-select`, { json: { which: "sms" } });
    expect([unknown.status, unknown.body.response.field_errors]).toEqual([400, { which: [expect.any(String)] }]);
    expect((await new ApiClient().call(tfSelect.GET, "GET", `${S}/tf-select`)).body.response.code).toBe("TWO_FACTOR_PERMISSION_DENIED");
  });
});

describe("recovery codes", () => {
  it("mf-recovery-codes: POST shows a new set once; GET gives the counts and never the codes; anonymous is 401", async () => {
    const owner = uniqueEmail("api-rc");
    await registerConfirmed(owner);
    const { client, csrf } = await signedInClient(owner);
    const made = await client.call(mfRecoveryCodes.POST, "POST", `${S}/mf-recovery-codes`, { json: {}, headers: csrf });
    expect(made.status).toBe(200);
    const codes = made.body.response.recovery_codes as string[];
    expect(codes.length).toBeGreaterThan(0);
    expect(codes[0]).toMatch(/^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/);
    expect(made.body.response).toMatchObject({ recovery_codes_shown_once: true, recovery_codes_total: codes.length, recovery_codes_remaining: codes.length });
    const shown = await client.call(mfRecoveryCodes.GET, "GET", `${S}/mf-recovery-codes`);
    expect(shown.body.response).toMatchObject({ recovery_codes: [], recovery_codes_total: codes.length });
    const noCsrf = await client.call(mfRecoveryCodes.POST, "POST", `${S}/mf-recovery-codes`, { json: {} });
    expect([noCsrf.status, noCsrf.body.response.code]).toEqual([400, "CSRF_TOKEN_MISSING"]);
    expect((await new ApiClient().call(mfRecoveryCodes.GET, "GET", `${S}/mf-recovery-codes`)).status).toBe(401);
  });

  it("mf-recovery-codes needs freshness: a stale session is 401 REAUTHENTICATION_REQUIRED", async () => {
    const owner = uniqueEmail("api-rc-stale");
    await registerConfirmed(owner);
    const { client } = await signedInClient(owner);
    await withEnv({ SECURITY_FRESHNESS: "0s" }, async () => {
      const stale = await client.call(mfRecoveryCodes.GET, "GET", `${S}/mf-recovery-codes`);
      expect([stale.status, stale.body.response.code]).toEqual([401, "REAUTHENTICATION_REQUIRED"]);
      // Flask-Security's 401 says how the client may re-verify, without another call.
      expect(stale.body.response).toMatchObject({ reauth_required: true, has_webauthn_verify_credential: false, oauth_enabled: false, oauth_providers: [] });
      expect(typeof stale.body.response.unified_signin_enabled).toBe("boolean");
    });
  });

  it("mf-recovery: a recovery code finishes the sign-in once, never with an auth token; a wrong one is 400 INVALID_RECOVERY_CODE", async () => {
    const [code] = await generateRecoveryCodes(userId, newCtx());
    const client = await pendingClient(email);
    const wrong = await client.call(mfRecovery.POST, "POST", `${S}/mf-recovery`, { json: { code: "0000-0000-0000" } });
    expect([wrong.status, wrong.body.response.code]).toEqual([400, "INVALID_RECOVERY_CODE"]);
    const done = await client.call(mfRecovery.POST, "POST", `${S}/mf-recovery`, { json: { code }, query: "?include_auth_token" });
    expect(done.status).toBe(200);
    expect(done.body.response).toMatchObject({ user: { id: userId } });
    expect((done.body.response.user as Record<string, unknown>).authentication_token).toBeUndefined();
    const again = await (await pendingClient(email)).call(mfRecovery.POST, "POST", `${S}/mf-recovery`, { json: { code } });
    expect([again.status, again.body.response.code]).toEqual([400, "INVALID_RECOVERY_CODE"]);
    expect((await new ApiClient().call(mfRecovery.GET, "GET", `${S}/mf-recovery`, { documented: false })).status).toBe(405);
  });
});

describe("tf-setup", () => {
  it("signed in and fresh: POST proposes an authenticator (key, URI, state token); tf-setup/<token> with its code saves it; a wrong code is 400", async () => {
    const owner = uniqueEmail("api-tfs");
    const id = (await registerConfirmed(owner)).id;
    const { client, csrf } = await signedInClient(owner);
    const described = await client.call(tfSetup.GET, "GET", `${S}/tf-setup`);
    expect(described.body.response).toMatchObject({ tf_method: null, tf_required: false, tf_available_methods: expect.arrayContaining(["authenticator"]) });
    const bad = await client.call(tfSetup.POST, "POST", `${S}/tf-setup`, { json: { setup: "carrier-pigeon" }, headers: csrf });
    expect(bad.status).toBe(400);
    expect(bad.body.response.field_errors).toHaveProperty("setup");

    const started = await client.call(tfSetup.POST, "POST", `${S}/tf-setup`, { json: { setup: "authenticator" }, headers: csrf });
    expect(started.body.response).toMatchObject({ tf_state: "validating_profile", tf_method: "authenticator", tf_authr_username: owner });
    const { tf_state_token: stateToken, tf_authr_key: key } = started.body.response as Record<string, string>;
    expect(started.body.response.tf_authr_uri).toContain(`secret=${key}`);
    const path = `${S}/tf-setup/${stateToken}`;
    const right = await codeAt(key!);
    const wrong = await client.call(tfSetupToken.POST, "POST", path, { json: { code: wrongCode(right) }, headers: csrf, documented: `${S}/tf-setup/{token}` });
    expect(wrong.status).toBe(400);
    const saved = await client.call(tfSetupToken.POST, "POST", path, { json: { code: right }, headers: csrf, documented: `${S}/tf-setup/{token}` });
    expect(saved.status).toBe(200);
    expect(saved.body.response).toMatchObject({ tf_method: "authenticator", user: { id } });
    expect(await savedSecret(id)).toBe(key);
    const forged = await client.call(tfSetupToken.POST, "POST", `${S}/tf-setup/forged`, {
      json: { code: right },
      headers: csrf,
      documented: `${S}/tf-setup/{token}`,
    });
    expect(forged.status).toBe(400);

    const disabled = await client.call(tfSetup.POST, "POST", `${S}/tf-setup`, { json: { setup: "disable" }, headers: csrf });
    expect(disabled.body.response).toMatchObject({ tf_method: null, user: { id } });
  });

  it("anonymous without a pending set-up is 400 TWO_FACTOR_PERMISSION_DENIED; tf-setup/<token> needs a sign-in (401)", async () => {
    expect((await new ApiClient().call(tfSetup.GET, "GET", `${S}/tf-setup`)).body.response.code).toBe("TWO_FACTOR_PERMISSION_DENIED");
    const anonymous = await new ApiClient().call(tfSetupToken.POST, "POST", `${S}/tf-setup/x`, {
      json: { code: "123456" },
      documented: `${S}/tf-setup/{token}`,
    });
    expect(anonymous.status).toBe(401);
  });

  it("setup_from_login: a required role, no method → tf-setup proposes one on the pending sign-in and tf-validate's code saves it and signs in", async () => {
    await withEnv({ SECURITY_TWO_FACTOR_REQUIRED_ROLES: "ops" }, async () => {
      const owner = uniqueEmail("api-ops");
      const id = (await registerConfirmed(owner)).id;
      await addRoleToUser(id, "ops");
      const client = new ApiClient();
      const login = await client.call(loginRoute.POST, "POST", `${S}/login`, { json: { email: owner, password: STRONG_PASSWORD } });
      expect(login.body.response).toMatchObject({ tf_required: true, tf_state: "setup_from_login" });
      const described = await client.call(tfSetup.GET, "GET", `${S}/tf-setup`);
      expect(described.body.response).toMatchObject({ tf_required: true, tf_available_methods: expect.arrayContaining(["authenticator"]) });
      const started = await client.call(tfSetup.POST, "POST", `${S}/tf-setup`, { json: { setup: "authenticator" } });
      expect(started.body.response).toMatchObject({ tf_state: "validating_profile", tf_method: "authenticator" });
      expect(started.body.response.tf_state_token).toBeUndefined();
      const key = String(started.body.response.tf_authr_key);
      const done = await client.call(tfValidate.POST, "POST", `${S}/tf-validate`, { json: { code: await codeAt(key) }, query: "?include_auth_token" });
      expect(done.status).toBe(200);
      expect(done.body.response).toMatchObject({ user: { id, authentication_token: expect.any(String) } });
      expect(await savedSecret(id)).toBe(key);
    });
  });
});
