// Threat: SECURITY_AUTO_LOGIN_AFTER_CONFIRM / _AFTER_RESET open a session beside the sign-in gate: an emailed link
// (the mailbox alone) skipping two-factor, a disabled or locked account signed in, or a session that hides how it was proven.
// Guarantee: with the switches on the link is a first factor through the one gate (pending second step, refusals as at
// sign-in, authn_via "confirm-link" / "reset-password"); off (the default), nothing signs in — pages and JSON alike.
import { eq } from "drizzle-orm";
import { describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { extractLink, latestMail, OTHER_STRONG_PASSWORD, registerConfirmed, STRONG_PASSWORD, uniqueEmail, userByEmail, withEnv } =
  await import("../support/flows");
const { codeAt, eventsOf, saveMethod } = await import("../support/two-factor");
const { pendingLoginsOf, sessionsOf } = await import("../support/unified");
const { getDb, tables } = await import("@/lib/db");
const { registerUser } = await import("@/lib/security/registration/register");
const { requestPasswordReset } = await import("@/lib/security/passwords/reset");
const { validatePendingCode } = await import("@/lib/security/sign-in/second-factor-steps");
const { pendingLoginToken } = await import("@/lib/security/sessions/cookies");
const registerRoute = await import("@/app/api/security/register/route");
const confirmTokenRoute = await import("@/app/api/security/confirm/[token]/route");
const resetRoute = await import("@/app/api/security/reset/route");
const resetTokenRoute = await import("@/app/api/security/reset/[token]/route");
const { confirmWithLink, resetWithLink } = await import("@/lib/security/sign-in/after-email-link");
const { newCtx } = await import("../support/flows");

const ON = { SECURITY_AUTO_LOGIN_AFTER_CONFIRM: "true", SECURITY_AUTO_LOGIN_AFTER_RESET: "true" };

type Client = InstanceType<typeof ApiClient>;

async function registered(tag: string): Promise<{ email: string; token: string }> {
  const email = uniqueEmail(tag);
  expect(await registerUser({ email, password: STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true, status: "confirm-sent" });
  return { email, token: extractLink((await latestMail(email))!.text, "/confirm/") };
}

async function resetToken(email: string): Promise<string> {
  expect((await requestPasswordReset(email, newCtx())).ok).toBe(true);
  // Generic responses send the mail after the answer: wait for it.
  await vi.waitFor(async () => expect((await latestMail(email))?.text).toContain("/reset-password/"));
  return extractLink((await latestMail(email))!.text, "/reset-password/");
}

/** Runs `fn` with this client's cookie jar as the request's cookies. */
async function inBrowser<T>(client: Client, fn: () => Promise<T>): Promise<T> {
  let result: T | undefined;
  await client.send(async () => {
    result = await fn();
    return new Response(null);
  }, new Request("http://localhost:3000/"));
  return result as T;
}

const hasSession = (client: Client) => client.jar.has("gatehouse.session");
const hasPending = (client: Client) => client.jar.has("gatehouse.pending");

describe("off by default: the reference's answers", () => {
  it("the confirm link confirms and the reset sets the password; neither signs in", async () => {
    const client = new ApiClient();
    const { email, token } = await registered("auto-off");
    const confirmed = await inBrowser(client, () => confirmWithLink(token, newCtx()));
    expect(confirmed).toMatchObject({ ok: true, signIn: null });
    const reset = await inBrowser(client, async () =>
      resetWithLink(await resetToken(email), { password: OTHER_STRONG_PASSWORD, passwordConfirm: OTHER_STRONG_PASSWORD }, newCtx()),
    );
    expect(reset).toMatchObject({ ok: true, signIn: null });
    expect(hasSession(client)).toBe(false);
    expect(await sessionsOf((await userByEmail(email)).id)).toHaveLength(0);
  });
});

describe("SECURITY_AUTO_LOGIN_AFTER_CONFIRM", () => {
  it("signs in through the gate: a session proven by the confirmation link, user_authenticated logged", async () => {
    await withEnv(ON, async () => {
      const client = new ApiClient();
      const { email, token } = await registered("auto-confirm");
      const result = await inBrowser(client, () => confirmWithLink(token, newCtx()));
      expect(result).toMatchObject({ ok: true, signIn: { ok: true, status: "signed-in", via: ["confirm-link"], redirectTo: "/account" } });
      const user = await userByEmail(email);
      expect(user.confirmedAt).not.toBeNull();
      expect((await sessionsOf(user.id)).map((s) => s.authnVia)).toEqual([["confirm-link"]]);
      expect((await eventsOf(user.id, "user_authenticated"))[0]?.data).toMatchObject({ authnVia: ["confirm-link"] });
      expect(hasSession(client)).toBe(true);
    });
  });

  it("with two-factor required, lands on the second step (set-up), never on a session", async () => {
    await withEnv({ ...ON, SECURITY_TWO_FACTOR_REQUIRED: "true" }, async () => {
      const client = new ApiClient();
      const { email, token } = await registered("auto-confirm-tf");
      const result = await inBrowser(client, () => confirmWithLink(token, newCtx()));
      expect(result).toMatchObject({ ok: true, signIn: { ok: true, status: "second-factor", state: "setup", redirectTo: "/login/two-factor/setup" } });
      const user = await userByEmail(email);
      expect(await sessionsOf(user.id)).toHaveLength(0);
      expect((await pendingLoginsOf(user.id)).map((p) => p.authnVia)).toEqual([["confirm-link"]]);
      expect(hasSession(client)).toBe(false);
      expect(hasPending(client)).toBe(true);
    });
  });

  it("a disabled account is confirmed but refused as at sign-in (DISABLED_ACCOUNT), no session", async () => {
    await withEnv(ON, async () => {
      const { email, token } = await registered("auto-confirm-off");
      await (await getDb()).update(tables.users).set({ active: false }).where(eq(tables.users.emailNormalized, email));
      const result = await inBrowser(new ApiClient(), () => confirmWithLink(token, newCtx()));
      expect(result).toMatchObject({ ok: true, signIn: { ok: false, code: "DISABLED_ACCOUNT" } });
      expect(await sessionsOf((await userByEmail(email)).id)).toHaveLength(0);
    });
  });

  it("a browser already signed in keeps its session: the link does not swap accounts", async () => {
    await withEnv(ON, async () => {
      const client = new ApiClient();
      const first = await registered("auto-confirm-a");
      await inBrowser(client, () => confirmWithLink(first.token, newCtx()));
      const second = await registered("auto-confirm-b");
      const result = await inBrowser(client, () => confirmWithLink(second.token, newCtx()));
      expect(result).toMatchObject({ ok: true, signIn: null });
      expect(await sessionsOf((await userByEmail(second.email)).id)).toHaveLength(0);
    });
  });

  it("JSON: POST /confirm/{token} answers as POST /login does — the user, or tf_required", async () => {
    await withEnv(ON, async () => {
      const client = new ApiClient();
      const email = uniqueEmail("auto-confirm-api");
      await client.call(registerRoute.POST, "POST", "/api/security/register", {
        json: { email, password: STRONG_PASSWORD, password_confirm: STRONG_PASSWORD },
      });
      const token = extractLink((await latestMail(email))!.text, "/confirm/");
      const answer = await client.call(confirmTokenRoute.POST, "POST", `/api/security/confirm/${token}`, { documented: "/api/security/confirm/{token}" });
      expect(answer.status).toBe(200);
      expect(answer.body.response).toMatchObject({ tf_required: false, user: { email }, csrf_token: expect.any(String) });
      await withEnv({ SECURITY_TWO_FACTOR_REQUIRED: "true" }, async () => {
        const other = new ApiClient();
        const email2 = uniqueEmail("auto-confirm-api-tf");
        await other.call(registerRoute.POST, "POST", "/api/security/register", {
          json: { email: email2, password: STRONG_PASSWORD, password_confirm: STRONG_PASSWORD },
        });
        const token2 = extractLink((await latestMail(email2))!.text, "/confirm/");
        const pending = await other.call(confirmTokenRoute.POST, "POST", `/api/security/confirm/${token2}`, { documented: "/api/security/confirm/{token}" });
        expect(pending.body.response).toMatchObject({ tf_required: true, tf_state: "setup_from_login" });
        expect(pending.body.response.user).toBeUndefined();
      });
    });
  });
});

describe("SECURITY_AUTO_LOGIN_AFTER_RESET", () => {
  const NEW = { password: OTHER_STRONG_PASSWORD, passwordConfirm: OTHER_STRONG_PASSWORD };

  it("without two-factor: a session proven by the reset (authn_via reset-password)", async () => {
    await withEnv(ON, async () => {
      const email = uniqueEmail("auto-reset");
      const user = await registerConfirmed(email);
      const client = new ApiClient();
      const result = await inBrowser(client, async () => resetWithLink(await resetToken(email), NEW, newCtx()));
      expect(result).toMatchObject({ ok: true, signIn: { ok: true, status: "signed-in", via: ["reset-password"] } });
      const sessions = await sessionsOf(user.id);
      expect(sessions.map((s) => s.authnVia)).toEqual([["reset-password"]]);
      // Bound to the uniquifier the reset rotated to: the session is alive.
      expect(sessions[0]?.uniquifier).toBe((await userByEmail(email)).uniquifier);
    });
  });

  it("with an authenticator: lands on the second step; the real code finishes it", async () => {
    await withEnv(ON, async () => {
      const email = uniqueEmail("auto-reset-tf");
      const user = await registerConfirmed(email);
      const secret = await saveMethod(user.id, "authenticator");
      const client = new ApiClient();
      const result = await inBrowser(client, async () => resetWithLink(await resetToken(email), NEW, newCtx()));
      expect(result).toMatchObject({ ok: true, signIn: { ok: true, status: "second-factor", state: "ready", method: "authenticator" } });
      expect(await sessionsOf(user.id)).toHaveLength(0);
      expect(hasSession(client)).toBe(false);
      const done = await inBrowser(client, async () => validatePendingCode(await pendingLoginToken(), await codeAt(secret), newCtx()));
      expect(done).toMatchObject({ ok: true, authnVia: ["reset-password", "authenticator"] });
      expect((await sessionsOf(user.id)).map((s) => s.authnVia)).toEqual([["reset-password", "authenticator"]]);
    });
  });

  it("JSON: POST /reset/{token} answers `{}` off, and as POST /login does on", async () => {
    const email = uniqueEmail("auto-reset-api");
    const user = await registerConfirmed(email);
    await saveMethod(user.id, "authenticator");
    const client = new ApiClient();
    const ask = async () => {
      await client.call(resetRoute.POST, "POST", "/api/security/reset", { json: { email } });
      await vi.waitFor(async () => expect((await latestMail(email))?.text).toContain("/reset-password/"));
      return extractLink((await latestMail(email))!.text, "/reset-password/");
    };
    const json = { password: OTHER_STRONG_PASSWORD, password_confirm: OTHER_STRONG_PASSWORD };
    const off = await client.call(resetTokenRoute.POST, "POST", `/api/security/reset/${await ask()}`, { json, documented: "/api/security/reset/{token}" });
    expect(off.body.response).toEqual({});
    await withEnv(ON, async () => {
      const token = await ask();
      const on = await client.call(resetTokenRoute.POST, "POST", `/api/security/reset/${token}`, {
        json: { password: STRONG_PASSWORD, password_confirm: STRONG_PASSWORD },
        documented: "/api/security/reset/{token}",
      });
      expect(on.body.response).toMatchObject({ tf_required: true, tf_state: "ready", tf_method: "authenticator" });
    });
  });
});
