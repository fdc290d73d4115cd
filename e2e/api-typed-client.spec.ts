// Guarantee: an app built on the typed client (client/, generated from the OpenAPI document) can do a
// whole account's life against the real server — register, confirm, set up an authenticator, sign in
// with password then code, use and refresh its token, sign out — and a replayed refresh token ends the family.
import { apiClientFor, registerThroughApi } from "./support/api-client";
import { expect, strongPassword, test, uniqueEmail } from "./support/fixtures";
import { totpCode } from "./support/two-factor";

test("password → authenticator code → token → me → refresh → me → sign out, through the typed client", async ({ request, baseURL }) => {
  const app = apiClientFor(baseURL!);
  const email = uniqueEmail("typed-client");
  const password = strongPassword();
  await registerThroughApi(app, request, email, password);

  // Set up the authenticator with a token of a password sign-in (fresh: the sign-in just happened).
  const first = await app.api.POST("/api/security/login", { params: { query: { include_auth_token: "" } }, body: { email, password } });
  expect(first.data?.response.tf_required).toBe(false);
  const setup = await app.api.POST("/api/security/tf-setup", { body: { setup: "authenticator" } });
  const answer = setup.data?.response;
  const secret = answer && "tf_authr_key" in answer ? answer.tf_authr_key : undefined;
  const stateToken = answer && "tf_state_token" in answer ? answer.tf_state_token : undefined;
  expect(secret && stateToken, JSON.stringify(setup.error)).toBeTruthy();
  const enrolled = await totpCode(secret!);
  const confirmed = await app.api.POST("/api/security/tf-setup/{token}", { params: { path: { token: stateToken! } }, body: { code: enrolled.code } });
  expect(confirmed.data?.response.tf_method, JSON.stringify(confirmed.error)).toBe("authenticator");
  expect(await app.logout()).toBe(true);

  // The sign-in an app does from now on: a fresh client, password, then the code.
  const client = apiClientFor(baseURL!);
  const login = await client.api.POST("/api/security/login", { params: { query: { include_auth_token: "" } }, body: { email, password } });
  expect(login.data?.response).toMatchObject({ tf_required: true, tf_state: "ready", tf_method: "authenticator" });
  expect(login.data?.response.user).toBeUndefined();
  const code = await totpCode(secret!, { afterStep: enrolled.step });
  const validated = await client.api.POST("/api/security/tf-validate", { params: { query: { include_auth_token: "" } }, body: { code: code.code } });
  expect(validated.data?.response.user.email, JSON.stringify(validated.error)).toBe(email);
  const signedIn = { ...client.tokens };
  expect(signedIn.authToken).toMatch(/^[A-Za-z0-9_-]{43}$/);
  expect(signedIn.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

  // The token alone (a bare fetch: no cookie) opens /api/me.
  const bare = apiClientFor(baseURL!);
  bare.tokens.authToken = signedIn.authToken;
  const me = await bare.api.GET("/api/me");
  expect(me.data?.response).toMatchObject({ authenticated_by: "token", user: { email } });

  // Two refreshes at once from this client share one exchange (a second one would be a replay).
  const [a, b] = await Promise.all([client.refresh(), client.refresh()]);
  expect([a, b]).toEqual([true, true]);
  expect(client.tokens.authToken).not.toBe(signedIn.authToken);
  expect(client.tokens.refreshToken).not.toBe(signedIn.refreshToken);
  const meAgain = await client.api.GET("/api/me");
  expect(meAgain.data?.response.authenticated_by).toBe("token");

  expect(await client.logout()).toBe(true);
  bare.tokens.authToken = validated.data!.response.user.authentication_token!;
  expect((await bare.api.GET("/api/me")).response.status).toBe(401);
  const afterLogout = await bare.api.POST("/api/security/refresh-token", { body: { refresh_token: signedIn.refreshToken! } });
  expect(afterLogout.response.status).toBe(400);
  expect(afterLogout.error?.response.errors).toEqual(["Refresh token is invalid (REVOKED)"]);
});

test("a refresh token replayed after its owner refreshed ends the family on the server", async ({ request, baseURL }) => {
  const owner = apiClientFor(baseURL!);
  const email = uniqueEmail("typed-client-replay");
  const password = strongPassword();
  await registerThroughApi(owner, request, email, password);
  await owner.api.POST("/api/security/login", { params: { query: { include_auth_token: "" } }, body: { email, password } });
  const stolen = owner.tokens.refreshToken!;
  expect(await owner.refresh()).toBe(true);
  const thief = apiClientFor(baseURL!);
  const replay = await thief.api.POST("/api/security/refresh-token", { body: { refresh_token: stolen } });
  expect(replay.error?.response.errors).toEqual(["Refresh token is invalid (GEN_MISMATCH)"]);
  // The owner's current tokens died with the family (asked without the session cookie the API login also set).
  const tokenOnly = apiClientFor(baseURL!);
  tokenOnly.tokens.authToken = owner.tokens.authToken;
  expect((await tokenOnly.api.GET("/api/me")).response.status).toBe(401);
  expect(await owner.refresh()).toBe(false);
});
