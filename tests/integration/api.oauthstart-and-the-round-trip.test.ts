// Threat: the provider round trip is started by another site, completed in a browser that never
// started it, or answers a single-page app other than as the reference does. Guarantee: oauthstart
// only for a configured provider and an anonymous caller; completion needs this browser's signed intent.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => ({
  ...(await import("../support/api")).issuerMock,
  getIssuer: () => ({ signIn: async () => "http://localhost:3699/auth?client_id=test", signOut: async () => undefined }),
}));

const { ApiClient } = await import("../support/api");
const { newCtx, registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnv, withEnvForTheFile } = await import("../support/flows");
const loginRoute = await import("@/app/api/security/login/route");
const startRoute = await import("@/app/api/security/login/oauthstart/[name]/route");
const { completeOAuth, startOAuth } = await import("@/lib/security/sign-in/oauth-round-trip");
const { handOffIdentity } = await import("@/lib/security/sessions/oauth-handoff");

withEnvForTheFile({ AUTH_OIDC_ISSUER: "http://localhost:3699", AUTH_OIDC_ID: "gatehouse-test", AUTH_OIDC_SECRET: "test-secret" });

const PATH = "/api/security/login/oauthstart";

/** A browser with no cookies yet: the mocked cookies() reads and writes its jar from now on. */
async function freshBrowser(): Promise<void> {
  await new ApiClient().call(startRoute.GET, "GET", `${PATH}/oidc`, { documented: false });
}

describe("POST /api/security/login/oauthstart/{name}", () => {
  it("redirects to the provider and keeps the intent (and a same-origin next) in a signed cookie of this browser", async () => {
    const client = new ApiClient();
    const answer = await client.call(startRoute.POST, "POST", `${PATH}/oidc`, { query: "?next=%2Faccount%2Fsessions", documented: `${PATH}/{name}` });
    expect(answer.status).toBe(302);
    expect(answer.headers.get("location")).toBe("http://localhost:3699/auth?client_id=test");
    expect([...client.jar.keys()]).toContain("gatehouse.oauth-intent");
  });

  it("an unknown provider is a 400, and so is a caller already signed in; GET is a 405", async () => {
    const client = new ApiClient();
    const unknown = await client.call(startRoute.POST, "POST", `${PATH}/myspace`, { documented: `${PATH}/{name}` });
    expect(unknown.status).toBe(400);
    expect(JSON.stringify(unknown.body)).toContain("This sign-in provider is not configured.");
    const email = uniqueEmail("api-oauth");
    await registerConfirmed(email);
    const login = await client.call(loginRoute.POST, "POST", "/api/security/login", { json: { email, password: STRONG_PASSWORD } });
    const signedIn = await client.call(startRoute.POST, "POST", `${PATH}/oidc`, {
      headers: { "X-CSRF-Token": String(login.body.response.csrf_token) },
      documented: `${PATH}/{name}`,
    });
    expect(signedIn.status).toBe(400);
    expect((await client.call(startRoute.GET, "GET", `${PATH}/oidc`, { documented: false })).status).toBe(405);
  });
});

describe("completing the round trip", () => {
  it("without this browser's intent, a handed-off identity signs nobody in", async () => {
    await freshBrowser();
    const email = uniqueEmail("api-oauth-nointent");
    await registerConfirmed(email);
    await handOffIdentity({ provider: "oidc", subject: "s-1", email, emailVerified: true });
    expect(await completeOAuth(null, newCtx())).toBe("/login?notice=OAUTH_HANDSHAKE_ERROR");
  });

  it("an identity of another provider than the one started is refused; a cancel says so", async () => {
    await freshBrowser();
    expect((await startOAuth("oidc", "login", null)).ok).toBe(true);
    await handOffIdentity({ provider: "github", subject: "s-2", email: null, emailVerified: false });
    expect(await completeOAuth(null, newCtx())).toBe("/login?notice=OAUTH_HANDSHAKE_ERROR&provider=oidc");
    expect((await startOAuth("oidc", "login", null)).ok).toBe(true);
    expect(await completeOAuth("cancelled", newCtx())).toBe("/login?notice=OAUTH_CANCELLED&provider=oidc");
  });

  it("begun by the API in SPA mode: the post-OAuth view on success, the login error view with the message on refusal", async () => {
    await withEnv({ SECURITY_REDIRECT_BEHAVIOR: "spa", SECURITY_POST_OAUTH_LOGIN_VIEW: "http://localhost:5173/welcome" }, async () => {
      await freshBrowser();
      const email = uniqueEmail("api-oauth-spa");
      await registerConfirmed(email);
      expect((await startOAuth("oidc", "login", null, { api: true })).ok).toBe(true);
      await handOffIdentity({ provider: "oidc", subject: `s-${crypto.randomUUID()}`, email, emailVerified: true });
      expect(await completeOAuth(null, newCtx())).toBe("http://localhost:5173/welcome");
    });
    await withEnv({ SECURITY_REDIRECT_BEHAVIOR: "spa" }, async () => {
      await freshBrowser();
      expect((await startOAuth("oidc", "login", null, { api: true })).ok).toBe(true);
      expect(await completeOAuth("provider", newCtx())).toMatch(/^http:\/\/localhost:3000\/login\?error=An\+error\+occurred/);
    });
  });
});
