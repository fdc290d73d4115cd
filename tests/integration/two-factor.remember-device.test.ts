// Threat: a "remember this device" cookie is forged, edited, kept past its life or past a password
// reset, or handed out by a recovery-code sign-in. Guarantee: signed, bound, expiring, opt-in.
import { afterEach, describe, expect, it, vi } from "vitest";
import { generateRecoveryCodes } from "@/lib/security/recovery-codes/store";
import { isRememberedDevice, rememberDeviceValue } from "@/lib/security/sign-in/remember-device";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { signInWithRecoveryCode, verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { setUniquifier, type UserRecord } from "@/lib/security/accounts/users";
import { newCtx, registerConfirmed, STRONG_PASSWORD, uniqueEmail, userByEmail, withEnv } from "../support/flows";
import { codeAt, passwordStep, saveMethod } from "../support/two-factor";

const REMEMBER = { SECURITY_TWO_FACTOR_ALWAYS_VALIDATE: "false" };

afterEach(() => {
  vi.useRealTimers();
});

async function userWithAuthenticator(tag: string): Promise<{ email: string; user: UserRecord; secret: string }> {
  const email = uniqueEmail(tag);
  const user = await registerConfirmed(email);
  return { email, user, secret: await saveMethod(user.id, "authenticator") };
}

/** Full sign-in with remember=true; returns the cookie value the adapter would set, or null. */
async function signInRemembering(email: string, secret: string): Promise<string | null> {
  const { pendingToken } = await passwordStep(email, newCtx(), { remember: true });
  const done = await verifySecondFactor(pendingToken, await codeAt(secret), newCtx());
  if (!done.ok) throw new Error(done.code);
  return done.rememberDevice ? rememberDeviceValue(done.rememberDevice).value : null;
}

/** Changes one character in the middle of the signature. */
function tamper(value: string): string {
  const i = value.length - 10;
  return value.slice(0, i) + (value[i] === "A" ? "B" : "A") + value.slice(i + 1);
}

describe("remember this device", () => {
  it("with ALWAYS_VALIDATE=false and remember, success returns a device the cookie vouches for; it skips the code next time", async () => {
    await withEnv(REMEMBER, async () => {
      const { email, user, secret } = await userWithAuthenticator("remember");
      const value = await signInRemembering(email, secret);
      expect(value).toBeTruthy();
      expect(isRememberedDevice(value!, await userByEmail(email))).toBe(true);

      const result = await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false, deviceCookie: value! }, newCtx());
      expect(result).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
      // It vouches for this user only.
      const other = await registerConfirmed(uniqueEmail("remember-other"));
      expect(isRememberedDevice(value!, other)).toBe(false);
      expect(user.id).not.toBe(other.id);
    });
  });

  it("without remember=true nothing is remembered", async () => {
    await withEnv(REMEMBER, async () => {
      const { email, secret } = await userWithAuthenticator("no-remember");
      const { pendingToken } = await passwordStep(email, newCtx(), { remember: false });
      expect(await verifySecondFactor(pendingToken, await codeAt(secret), newCtx())).toMatchObject({ ok: true, rememberDevice: null });
    });
  });

  it("a password reset (new uniquifier) voids it", async () => {
    await withEnv(REMEMBER, async () => {
      const { email, user, secret } = await userWithAuthenticator("remember-reset");
      const value = await signInRemembering(email, secret);
      await setUniquifier(user.id);
      expect(isRememberedDevice(value!, await userByEmail(email))).toBe(false);
      expect(await passwordStep(email, newCtx(), { deviceCookie: value! })).toMatchObject({ state: "ready" });
    });
  });

  it("a tampered, truncated or foreign-shaped value is refused", async () => {
    await withEnv(REMEMBER, async () => {
      const { email, secret } = await userWithAuthenticator("remember-tamper");
      const value = (await signInRemembering(email, secret))!;
      const user = await userByEmail(email);
      const [id, expires, signature] = value.split(".");
      for (const bad of [
        tamper(value),
        `${id}.${Number(expires) + 86_400 * 365}.${signature}`, // expiry pushed out
        `${id}.${expires}.`,
        `${id}.${expires}`,
        value.slice(0, -1),
        `${value}x`,
        "",
        "...",
        "a".repeat(10_000),
      ]) {
        expect(isRememberedDevice(bad, user), bad.slice(0, 40)).toBe(false);
      }
      expect(isRememberedDevice(undefined, user)).toBe(false);
      expect(isRememberedDevice(value, user)).toBe(true);
    });
  });

  it("an expired value is refused", async () => {
    await withEnv({ ...REMEMBER, SECURITY_TWO_FACTOR_LOGIN_VALIDITY: "1h" }, async () => {
      const { email, secret } = await userWithAuthenticator("remember-expired");
      const value = (await signInRemembering(email, secret))!;
      const user = await userByEmail(email);
      expect(isRememberedDevice(value, user)).toBe(true);
      vi.useFakeTimers({ toFake: ["Date"], now: Date.now() + 61 * 60 * 1000 });
      expect(isRememberedDevice(value, user)).toBe(false);
    });
  });

  it("with ALWAYS_VALIDATE=true (the default) rememberDevice is null and a cookie is ignored", async () => {
    const { email, secret, user } = await userWithAuthenticator("always-validate");
    const forged = await withEnv(REMEMBER, async () => rememberDeviceValue(user).value);
    const { pendingToken } = await passwordStep(email, newCtx(), { remember: true, deviceCookie: forged });
    expect(await verifySecondFactor(pendingToken, await codeAt(secret), newCtx())).toMatchObject({ ok: true, rememberDevice: null });
  });

  it("a recovery-code sign-in never returns rememberDevice", async () => {
    await withEnv(REMEMBER, async () => {
      const { email, user } = await userWithAuthenticator("remember-recovery");
      const [code] = await generateRecoveryCodes(user.id, newCtx());
      const { pendingToken } = await passwordStep(email, newCtx(), { remember: true });
      expect(await signInWithRecoveryCode(pendingToken, code!, newCtx())).toMatchObject({ ok: true, rememberDevice: null });
    });
  });
});
