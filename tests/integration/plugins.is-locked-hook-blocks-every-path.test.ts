// Threat: a product locks accounts with the isLocked hook (lib/security/plugins.ts) and one way in forgets to ask it
// (a passkey, OAuth, a refresh token, a reset link, an auto-login), or the refusal tells a guesser the account exists.
// Guarantee: a replaced hook is what decides; true refuses every first factor, the last second step, a refresh token's
// use and a reset with LOCKED_ACCOUNT (not the failed-attempt ACCOUNT_LOCKED), and only after the proof.
import { eq } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { extractLink, latestMail, newCtx, OTHER_STRONG_PASSWORD, registerConfirmed, STRONG_PASSWORD, uniqueEmail, userByEmail, withEnv, withEnvForTheFile } =
  await import("../support/flows");
const { codeAt, passwordStep, saveMethod } = await import("../support/two-factor");
const { latestLinkToken, unifiedUser } = await import("../support/unified");
const { addPasskey, rpOrigin, signedInUser } = await import("../support/passkeys");
const { SoftwareAuthenticator } = await import("../support/webauthn-authenticator");
const { getDb, tables } = await import("@/lib/db");
const { usePlugins } = await import("@/lib/security/core/plugins");
const { isLockedByApplication } = await import("@/lib/security/accounts/application-lock");
const { loginWithPassword } = await import("@/lib/security/sign-in/password");
const { signInWithPasscode } = await import("@/lib/security/sign-in/passcode");
const { redeemMagicLink, requestMagicLink } = await import("@/lib/security/sign-in/magic-link");
const { beginPasskeySignIn, finishPasskeySignIn } = await import("@/lib/security/sign-in/passkey");
const { signInWithOAuth } = await import("@/lib/security/sign-in/oauth");
const { validatePendingCode } = await import("@/lib/security/sign-in/second-factor-steps");
const { requestPasswordReset, resetPassword } = await import("@/lib/security/passwords/reset");
const { registerUser } = await import("@/lib/security/registration/register");
const { confirmWithLink } = await import("@/lib/security/sign-in/after-email-link");
const { userFromBasicAuth } = await import("@/lib/security/sign-in/basic-auth");
const loginRoute = await import("@/app/api/security/login/route");
const refreshRoute = await import("@/app/api/security/refresh-token/route");

withEnvForTheFile({ AUTH_OIDC_ISSUER: "http://localhost:3699", AUTH_OIDC_ID: "gatehouse-test", AUTH_OIDC_SECRET: "test-secret", AUTH_OIDC_NAME: "Test ID" });
afterEach(() => usePlugins(null));

/** The product's rule: the accounts in this set are locked (an unpaid bill, a legal hold…). */
const locked = new Set<string>();
const asked: string[] = [];
function useLockHook(): void {
  usePlugins({
    account: {
      isLocked: (user) => {
        asked.push(user.id);
        return locked.has(user.id);
      },
    },
  });
}

const LOCKED = { ok: false, code: "LOCKED_ACCOUNT" };
const NONCE = "c".repeat(43);

describe("the hook", () => {
  it("is false by default, and a replacement is what decides (it is handed the account)", async () => {
    const user = await registerConfirmed(uniqueEmail("lock-default"));
    expect(await isLockedByApplication(user)).toBe(false);
    useLockHook();
    locked.add(user.id);
    expect(await isLockedByApplication(user)).toBe(true);
    expect(asked).toContain(user.id);
    usePlugins(null);
    expect((await loginWithPassword({ identity: user.email, password: STRONG_PASSWORD, remember: false }, newCtx())).ok).toBe(true);
  });
});

describe("every first factor is refused with LOCKED_ACCOUNT, after its proof", () => {
  it("a password: right → LOCKED_ACCOUNT; wrong → the generic answer, nothing said of the lock", async () => {
    const user = await registerConfirmed(uniqueEmail("lock-pw"));
    useLockHook();
    locked.add(user.id);
    expect(await loginWithPassword({ identity: user.email, password: STRONG_PASSWORD, remember: false }, newCtx())).toEqual(LOCKED);
    expect(await loginWithPassword({ identity: user.email, password: "not the password at all", remember: false }, newCtx())).toMatchObject({
      ok: false,
      code: "GENERIC_AUTHN_FAILED",
    });
    // The built-in lock is another thing: no failed attempt was counted for the right password.
    expect((await userByEmail(user.email)).failedLoginCount).toBe(1);
  });

  it("a one-time code in the unified box", async () => {
    const u = await unifiedUser("lock-code", ["sms"]);
    useLockHook();
    locked.add(u.user.id);
    expect(await signInWithPasscode({ identity: u.email, passcode: await codeAt(u.secrets.sms!), remember: false }, newCtx())).toEqual(LOCKED);
  });

  it("a magic link: none is sent (generic off: LOCKED_ACCOUNT), and one sent before the lock is refused", async () => {
    const email = uniqueEmail("lock-link");
    const user = await registerConfirmed(email);
    await requestMagicLink({ email, browserNonce: NONCE }, newCtx());
    const token = await latestLinkToken(email);
    useLockHook();
    locked.add(user.id);
    expect(await redeemMagicLink({ token, browserNonce: NONCE }, newCtx())).toEqual(LOCKED);
    await withEnv({ SECURITY_RETURN_GENERIC_RESPONSES: "false" }, async () => {
      expect(await requestMagicLink({ email, browserNonce: NONCE }, newCtx())).toMatchObject(LOCKED);
    });
  });

  it("a passkey as first factor, even one that is two factors on its own", async () => {
    const who = await signedInUser("lock-passkey");
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(who, authenticator, { name: "Phone", usage: "first" });
    useLockHook();
    locked.add(who.user.id);
    const started = await beginPasskeySignIn(newCtx());
    if (!started.ok) throw new Error(started.code);
    const credential = authenticator.getAssertion(started.options, { origin: rpOrigin(), userVerified: true });
    expect(await finishPasskeySignIn({ state: started.state, credential, remember: false, next: null }, newCtx())).toEqual(LOCKED);
  });

  it("OAuth", async () => {
    const who = await signedInUser("lock-oauth");
    const identity = { provider: "oidc", subject: `sub-${crypto.randomUUID()}`, email: who.email, emailVerified: true };
    useLockHook();
    locked.add(who.user.id);
    expect(await signInWithOAuth(identity, { remember: false, next: null }, newCtx())).toEqual(LOCKED);
  });

  it("HTTP Basic: no user for the request", async () => {
    await withEnv({ SECURITY_HTTP_BASIC_AUTH: "true" }, async () => {
      const user = await registerConfirmed(uniqueEmail("lock-basic"));
      const header = `Basic ${Buffer.from(`${user.email}:${STRONG_PASSWORD}`).toString("base64")}`;
      expect((await userFromBasicAuth(header, newCtx()))?.user.id).toBe(user.id);
      useLockHook();
      locked.add(user.id);
      expect(await userFromBasicAuth(header, newCtx())).toBeNull();
    });
  });

  it("the auto-login after a confirmation link (SECURITY_AUTO_LOGIN_AFTER_CONFIRM): confirmed, not signed in", async () => {
    await withEnv({ SECURITY_AUTO_LOGIN_AFTER_CONFIRM: "true" }, async () => {
      const email = uniqueEmail("lock-confirm");
      expect((await registerUser({ email, password: STRONG_PASSWORD }, newCtx())).ok).toBe(true);
      useLockHook();
      locked.add((await userByEmail(email)).id);
      const client = new ApiClient();
      let result: unknown;
      await client.send(async () => {
        result = await confirmWithLink(extractLink((await latestMail(email))!.text, "/confirm/"), newCtx());
        return new Response(null);
      }, new Request("http://localhost:3000/"));
      expect(result).toMatchObject({ ok: true, signIn: LOCKED });
      expect(client.jar.has("gatehouse.session")).toBe(false);
    });
  });

  it("the JSON sign-in: 400 LOCKED_ACCOUNT", async () => {
    const user = await registerConfirmed(uniqueEmail("lock-api"));
    useLockHook();
    locked.add(user.id);
    const answer = await new ApiClient().call(loginRoute.POST, "POST", "/api/security/login", { json: { email: user.email, password: STRONG_PASSWORD } });
    expect(answer.status).toBe(400);
    expect(answer.body.response.code).toBe("LOCKED_ACCOUNT");
    expect(answer.body.response.errors).toEqual(["This account is locked."]);
  });
});

describe("after the first factor", () => {
  it("a lock set while the second step is pending refuses the second step", async () => {
    const email = uniqueEmail("lock-pending");
    const user = await registerConfirmed(email);
    const secret = await saveMethod(user.id, "authenticator");
    const { pendingToken } = await passwordStep(email);
    useLockHook();
    locked.add(user.id);
    expect(await validatePendingCode(pendingToken, await codeAt(secret), newCtx())).toEqual(LOCKED);
  });

  it("a refresh token is refused while locked, unspent: it works again once unlocked", async () => {
    const user = await registerConfirmed(uniqueEmail("lock-refresh"));
    const client = new ApiClient();
    const login = await client.call(loginRoute.POST, "POST", "/api/security/login", {
      json: { email: user.email, password: STRONG_PASSWORD },
      query: "?include_auth_token",
    });
    const refreshToken = (login.body.response.user as { refresh_token: string }).refresh_token;
    useLockHook();
    locked.add(user.id);
    const refused = await client.call(refreshRoute.POST, "POST", "/api/security/refresh-token", { json: { refresh_token: refreshToken } });
    expect(refused.status).toBe(400);
    expect(refused.body.response.code).toBe("LOCKED_ACCOUNT");
    locked.delete(user.id);
    const again = await client.call(refreshRoute.POST, "POST", "/api/security/refresh-token", { json: { refresh_token: refreshToken } });
    expect(again.status).toBe(200);
  });
});

describe("password reset", () => {
  it("no link is sent to a locked account (generic off: LOCKED_ACCOUNT), and a link from before the lock is refused unused", async () => {
    const email = uniqueEmail("lock-reset");
    const user = await registerConfirmed(email);
    expect((await requestPasswordReset(email, newCtx())).ok).toBe(true);
    await vi.waitFor(async () => expect((await latestMail(email))?.text).toContain("/reset-password/"));
    const token = extractLink((await latestMail(email))!.text, "/reset-password/");
    useLockHook();
    locked.add(user.id);
    await withEnv({ SECURITY_RETURN_GENERIC_RESPONSES: "false" }, async () => {
      expect(await requestPasswordReset(email, newCtx())).toMatchObject(LOCKED);
    });
    const before = (await userByEmail(email)).passwordHash;
    expect(await resetPassword({ token, password: OTHER_STRONG_PASSWORD }, newCtx())).toEqual(LOCKED);
    expect((await userByEmail(email)).passwordHash).toBe(before);
    locked.delete(user.id);
    expect((await resetPassword({ token, password: OTHER_STRONG_PASSWORD }, newCtx())).ok).toBe(true);
    const [row] = await (await getDb()).select().from(tables.users).where(eq(tables.users.id, user.id));
    expect(row?.passwordFromReset).toBe(true);
  });
});
