// Threat: the JSON twins of the password and account pages behaving differently from them (a check skipped, a
// token outliving a password change, a reset link usable twice) or SPA-mode links landing on the wrong view.
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { extractLink, latestMail, OTHER_STRONG_PASSWORD, registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnv } = await import("../support/flows");
const loginRoute = await import("@/app/api/security/login/route");
const meRoute = await import("@/app/api/me/route");
const verifyRoute = await import("@/app/api/security/verify/route");
const changeRoute = await import("@/app/api/security/change/route");
const registerRoute = await import("@/app/api/security/register/route");
const confirmRoute = await import("@/app/api/security/confirm/route");
const confirmTokenRoute = await import("@/app/api/security/confirm/[token]/route");
const resetRoute = await import("@/app/api/security/reset/route");
const resetTokenRoute = await import("@/app/api/security/reset/[token]/route");

type Client = InstanceType<typeof ApiClient>;

async function signIn(email: string, password = STRONG_PASSWORD, query = ""): Promise<{ client: Client; csrf: string; token?: string }> {
  const client = new ApiClient();
  const answer = await client.call(loginRoute.POST, "POST", "/api/security/login", { json: { email, password }, query });
  expect(answer.status).toBe(200);
  const user = answer.body.response.user as Record<string, string>;
  return { client, csrf: String(answer.body.response.csrf_token), token: user.authentication_token };
}

describe("verify", () => {
  it("GET says what can re-verify; POST with the password answers the user (and a token when asked); a wrong one 400", async () => {
    const email = uniqueEmail("api-verify");
    await registerConfirmed(email);
    const { client, csrf } = await signIn(email);
    const info = await client.call(verifyRoute.GET, "GET", "/api/security/verify");
    expect(info.body.response).toMatchObject({ has_webauthn_verify_credential: false, oauth_enabled: false });
    const wrong = await client.call(verifyRoute.POST, "POST", "/api/security/verify", {
      json: { password: "not it at all" },
      headers: { "X-CSRF-Token": csrf },
    });
    expect(wrong.status).toBe(400);
    expect(wrong.body.response).toMatchObject({ code: "INVALID_PASSWORD", field_errors: { password: ["Invalid password"] } });
    const ok = await client.call(verifyRoute.POST, "POST", "/api/security/verify", {
      json: { password: STRONG_PASSWORD },
      headers: { "X-CSRF-Token": csrf },
      query: "?include_auth_token",
    });
    expect(ok.status).toBe(200);
    expect((ok.body.response.user as Record<string, string>).authentication_token).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it("is session-only: a token gets 401, and so does nobody", async () => {
    const email = uniqueEmail("api-verify-token");
    await registerConfirmed(email);
    const { token } = await signIn(email, STRONG_PASSWORD, "?include_auth_token");
    const answer = await new ApiClient().call(verifyRoute.POST, "POST", "/api/security/verify", {
      json: { password: STRONG_PASSWORD },
      headers: { "Authentication-Token": token! },
    });
    expect(answer.status).toBe(401);
    expect(answer.body.response.code).toBe("UNAUTHENTICATED");
  });
});

describe("change", () => {
  it("changes the password with the reference's field names; old tokens die, a new one is returned, the session goes on", async () => {
    const email = uniqueEmail("api-change");
    await registerConfirmed(email);
    const { token: oldToken } = await signIn(email, STRONG_PASSWORD, "?include_auth_token");
    const { client, csrf } = await signIn(email);
    const info = await client.call(changeRoute.GET, "GET", "/api/security/change");
    expect(info.body.response.active_password).toBe(true);
    const mismatch = await client.call(changeRoute.POST, "POST", "/api/security/change", {
      json: { password: STRONG_PASSWORD, new_password: OTHER_STRONG_PASSWORD, new_password_confirm: "something else" },
      headers: { "X-CSRF-Token": csrf },
    });
    expect(mismatch.status).toBe(400);
    expect(Object.keys(mismatch.body.response.field_errors as object)).toContain("new_password_confirm");
    const changed = await client.call(changeRoute.POST, "POST", "/api/security/change", {
      json: { password: STRONG_PASSWORD, new_password: OTHER_STRONG_PASSWORD, new_password_confirm: OTHER_STRONG_PASSWORD },
      headers: { "X-CSRF-Token": csrf },
      query: "?include_auth_token",
    });
    expect(changed.status).toBe(200);
    const newToken = (changed.body.response.user as Record<string, string>).authentication_token!;
    expect(changed.body.response.csrf_token).not.toBe(csrf);
    expect((await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers: { "Authentication-Token": oldToken! } })).status).toBe(401);
    expect((await new ApiClient().call(meRoute.GET, "GET", "/api/me", { headers: { "Authentication-Token": newToken } })).status).toBe(200);
    expect((await client.call(meRoute.GET, "GET", "/api/me")).status).toBe(200);
  });
});

describe("register and confirm", () => {
  it("register answers csrf_token only (confirmation required), the address unconfirmed; confirm resends; the link confirms in SPA mode", async () => {
    const email = uniqueEmail("api-register");
    const client = new ApiClient();
    const registered = await client.call(registerRoute.POST, "POST", "/api/security/register", {
      json: { email, password: STRONG_PASSWORD, password_confirm: STRONG_PASSWORD },
    });
    expect(registered.status).toBe(200);
    expect(registered.body.response.user).toBeUndefined();
    const bad = await client.call(registerRoute.POST, "POST", "/api/security/register", {
      json: { email: uniqueEmail(), password: STRONG_PASSWORD, password_confirm: "different" },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.response.field_errors).toHaveProperty("password_confirm");
    const resent = await client.call(confirmRoute.POST, "POST", "/api/security/confirm", { json: { email } });
    expect(resent.status).toBe(200);
    await withEnv(
      { SECURITY_REDIRECT_BEHAVIOR: "spa", SECURITY_POST_CONFIRM_VIEW: "/app/confirmed", SECURITY_REDIRECT_HOST: "spa.example.com:8080" },
      async () => {
        // The emailed links point at the API in SPA mode.
        await client.call(confirmRoute.POST, "POST", "/api/security/confirm", { json: { email } });
        const mail = await latestMail(email);
        const token = extractLink(mail!.text, "/api/security/confirm/");
        const landed = await client.call(confirmTokenRoute.GET, "GET", `/api/security/confirm/${token}`, { documented: "/api/security/confirm/{token}" });
        expect(landed.status).toBe(302);
        const url = new URL(landed.headers.get("location")!);
        expect(`${url.host}${url.pathname}`).toBe("spa.example.com:8080/app/confirmed");
        expect(url.searchParams.get("email")).toBe(email);
        expect(url.searchParams.get("identity")).toBe(email);
        const again = await client.call(confirmTokenRoute.GET, "GET", `/api/security/confirm/${token}`, { documented: "/api/security/confirm/{token}" });
        const errorUrl = new URL(again.headers.get("location")!);
        expect(errorUrl.pathname).toBe("/confirm");
        expect(errorUrl.searchParams.get("email")).toBeNull();
      },
    );
    expect((await signIn(email)).client).toBeDefined();
  });

  it("with SECURITY_CONFIRM_VIEW no GET confirms: the view gets the token and POSTs it back", async () => {
    const email = uniqueEmail("api-confirm-view");
    const client = new ApiClient();
    await withEnv({ SECURITY_REDIRECT_BEHAVIOR: "spa", SECURITY_CONFIRM_VIEW: "https://spa.example.com/confirm-email" }, async () => {
      await client.call(registerRoute.POST, "POST", "/api/security/register", {
        json: { email, password: STRONG_PASSWORD, password_confirm: STRONG_PASSWORD },
      });
      const token = extractLink((await latestMail(email))!.text, "/api/security/confirm/");
      const landed = await client.call(confirmTokenRoute.GET, "GET", `/api/security/confirm/${token}`, { documented: "/api/security/confirm/{token}" });
      expect(landed.headers.get("location")).toBe(`https://spa.example.com/confirm-email?token=${token}`);
      const refused = await new ApiClient().call(loginRoute.POST, "POST", "/api/security/login", { json: { email, password: STRONG_PASSWORD } });
      expect(refused.status).toBe(400);
      const confirmed = await client.call(confirmTokenRoute.POST, "POST", `/api/security/confirm/${token}`, { documented: "/api/security/confirm/{token}" });
      expect(confirmed.body.response.email).toBe(email);
    });
    expect((await signIn(email)).client).toBeDefined();
  });
});

describe("reset", () => {
  it("POST /reset sends the link; in SPA mode its GET lands on RESET_VIEW?token=; POST sets the password once ({}), then the link is dead", async () => {
    const email = uniqueEmail("api-reset");
    await registerConfirmed(email);
    const client = new ApiClient();
    await withEnv({ SECURITY_REDIRECT_BEHAVIOR: "spa", SECURITY_RESET_VIEW: "/app/reset", SECURITY_RESET_ERROR_VIEW: "/app/reset-error" }, async () => {
      const sent = await client.call(resetRoute.POST, "POST", "/api/security/reset", { json: { email } });
      expect(sent.status).toBe(200);
      const token = extractLink((await latestMail(email))!.text, "/api/security/reset/");
      const documented = "/api/security/reset/{token}";
      const landed = await client.call(resetTokenRoute.GET, "GET", `/api/security/reset/${token}`, { documented });
      expect(landed.headers.get("location")).toBe(`http://localhost:3000/app/reset?token=${token}`);
      const mismatch = await client.call(resetTokenRoute.POST, "POST", `/api/security/reset/${token}`, {
        json: { password: OTHER_STRONG_PASSWORD, password_confirm: "nope" },
        documented,
      });
      expect(mismatch.status).toBe(400);
      const reset = await client.call(resetTokenRoute.POST, "POST", `/api/security/reset/${token}`, {
        json: { password: OTHER_STRONG_PASSWORD, password_confirm: OTHER_STRONG_PASSWORD },
        documented,
      });
      expect(reset.status).toBe(200);
      expect(reset.body.response).toEqual({});
      const twice = await client.call(resetTokenRoute.POST, "POST", `/api/security/reset/${token}`, {
        json: { password: OTHER_STRONG_PASSWORD, password_confirm: OTHER_STRONG_PASSWORD },
        documented,
      });
      expect(twice.body.response.code).toBe("INVALID_RESET_PASSWORD_TOKEN");
      const dead = await client.call(resetTokenRoute.GET, "GET", `/api/security/reset/${token}`, { documented });
      const url = new URL(dead.headers.get("location")!);
      expect(url.pathname).toBe("/app/reset-error");
      expect(url.searchParams.get("error")).toBeTruthy();
    });
    await signIn(email, OTHER_STRONG_PASSWORD);
  });

  it("outside SPA mode the links' GETs go to the pages", async () => {
    const landed = await new ApiClient().call(resetTokenRoute.GET, "GET", "/api/security/reset/abc", { documented: "/api/security/reset/{token}" });
    expect(landed.headers.get("location")).toBe("http://localhost:3000/reset-password/abc");
  });
});
