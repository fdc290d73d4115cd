// Threat: online password guessing, account enumeration through login answers, and sign-in to
// unconfirmed, disabled or locked accounts. Guarantee: checks in order, budgets, lockout at 100.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { requestPasswordReset, resetPassword } from "@/lib/security/passwords/reset";
import { registerUser } from "@/lib/security/registration/register";
import { RATE_LIMITS } from "@/lib/security/core/rate-limit";
import { deactivateUser } from "@/lib/security/accounts/activation";
import { extractLink, latestMail, newCtx, OTHER_STRONG_PASSWORD, registerConfirmed, STRONG_PASSWORD, uniqueEmail, userByEmail } from "../support/flows";

const WRONG = "definitely-not-the-password";
const FAILURE_BUDGET = RATE_LIMITS.loginFailuresPerAccount.limit;

describe("loginWithPassword", () => {
  it("refuses an unconfirmed account with CONFIRMATION_REQUIRED (and only with the right password)", async () => {
    const email = uniqueEmail();
    await registerUser({ email, password: STRONG_PASSWORD }, newCtx());
    const ctx = newCtx();
    expect(await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, ctx)).toMatchObject({
      ok: false,
      code: "CONFIRMATION_REQUIRED",
    });
    expect(await loginWithPassword({ identity: email, password: WRONG, remember: false }, ctx)).toMatchObject({
      ok: false,
      code: "GENERIC_AUTHN_FAILED",
    });
  });

  it("treats the email case-insensitively and ignores surrounding spaces", async () => {
    const email = uniqueEmail("MixedCase");
    await registerConfirmed(email);
    const result = await loginWithPassword({ identity: `  ${email.toUpperCase()}\t`, password: STRONG_PASSWORD, remember: false }, newCtx());
    expect(result.ok).toBe(true);
    if (result.ok) expect(result.user.email).toBe(email);
  });

  it("gives a wrong password and an unknown email the same failure", async () => {
    const email = uniqueEmail();
    await registerConfirmed(email);
    const wrong = await loginWithPassword({ identity: email, password: WRONG, remember: false }, newCtx());
    const unknown = await loginWithPassword({ identity: uniqueEmail("nobody"), password: WRONG, remember: false }, newCtx());
    expect(wrong).toEqual({ ok: false, code: "GENERIC_AUTHN_FAILED" });
    expect(unknown).toEqual(wrong);
  });

  it("says DISABLED_ACCOUNT only to someone who knows the password", async () => {
    const email = uniqueEmail();
    const user = await registerConfirmed(email);
    expect(await deactivateUser(user.id)).toMatchObject({ ok: true, changed: true });
    expect(await loginWithPassword({ identity: email, password: WRONG, remember: false }, newCtx())).toMatchObject({
      code: "GENERIC_AUTHN_FAILED",
    });
    expect(await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx())).toMatchObject({
      ok: false,
      code: "DISABLED_ACCOUNT",
    });
  });

  it("tracks logins: count goes up, the previous login moves to last_*", async () => {
    const email = uniqueEmail();
    await registerConfirmed(email);
    const first = newCtx();
    const second = newCtx();

    const r1 = await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, first);
    expect(r1.ok).toBe(true);
    const afterFirst = await userByEmail(email);
    expect(afterFirst.loginCount).toBe(1);
    expect(afterFirst.currentLoginIp).toBe(first.ip);
    expect(afterFirst.currentLoginAt).toBeInstanceOf(Date);
    expect(afterFirst.lastLoginAt).toBeNull();

    const r2 = await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: true }, second);
    expect(r2.ok).toBe(true);
    const afterSecond = await userByEmail(email);
    expect(afterSecond.loginCount).toBe(2);
    expect(afterSecond.currentLoginIp).toBe(second.ip);
    expect(afterSecond.lastLoginIp).toBe(first.ip);
    expect(afterSecond.lastLoginAt?.getTime()).toBe(afterFirst.currentLoginAt?.getTime());
    expect(afterSecond.currentLoginAt!.getTime()).toBeGreaterThanOrEqual(afterFirst.currentLoginAt!.getTime());
  });

  it("a successful login restores the whole per-account failure budget", async () => {
    const email = uniqueEmail();
    await registerConfirmed(email);
    const ctx = newCtx();
    for (let i = 0; i < FAILURE_BUDGET - 1; i++) {
      expect((await loginWithPassword({ identity: email, password: WRONG, remember: false }, ctx)).ok).toBe(false);
    }
    expect((await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, ctx)).ok).toBe(true);
    expect((await userByEmail(email)).failedLoginCount).toBe(0);
    // Budget - 1 more failures would exceed the old budget if it had not been reset.
    for (let i = 0; i < FAILURE_BUDGET - 1; i++) {
      expect(await loginWithPassword({ identity: email, password: WRONG, remember: false }, ctx)).toMatchObject({
        code: "GENERIC_AUTHN_FAILED",
      });
    }
    expect((await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, ctx)).ok).toBe(true);
  });

  it(`after ${FAILURE_BUDGET} failures the account is rate limited, even with the right password`, async () => {
    const email = uniqueEmail();
    await registerConfirmed(email);
    for (let i = 0; i < FAILURE_BUDGET; i++) {
      // A new IP each time: the per-account budget holds against distributed guessing.
      expect(await loginWithPassword({ identity: email, password: WRONG, remember: false }, newCtx())).toMatchObject({
        code: "GENERIC_AUTHN_FAILED",
      });
    }
    const limited = await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx());
    expect(limited).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(limited.ok === false && limited.retryAfter).toBeGreaterThan(0);
    expect(limited.ok === false && limited.retryAfter).toBeLessThanOrEqual(RATE_LIMITS.loginFailuresPerAccount.windowSeconds);
  });

  it(`an unknown email is rate limited after ${FAILURE_BUDGET} failures too (no enumeration)`, async () => {
    const nobody = uniqueEmail("nobody");
    const results = [];
    for (let i = 0; i <= FAILURE_BUDGET; i++) {
      results.push(await loginWithPassword({ identity: nobody, password: WRONG, remember: false }, newCtx()));
    }
    expect(results.slice(0, FAILURE_BUDGET).every((r) => !r.ok && r.code === "GENERIC_AUTHN_FAILED")).toBe(true);
    const last = results[FAILURE_BUDGET];
    expect(last).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(last?.ok === false && last.retryAfter).toBeGreaterThan(0);
    // Same shape as a real account's lock.
    expect(Object.keys(last ?? {}).sort()).toEqual(["code", "ok", "retryAfter"]);
  });

  it("locks the account at 100 consecutive failures until a password reset", async () => {
    const email = uniqueEmail();
    const user = await registerConfirmed(email);
    const db = await getDb();
    await db.update(tables.users).set({ failedLoginCount: 99 }).where(eq(tables.users.id, user.id));

    await loginWithPassword({ identity: email, password: WRONG, remember: false }, newCtx());
    expect((await userByEmail(email)).failedLoginCount).toBe(100);
    expect(await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx())).toMatchObject({
      ok: false,
      code: "ACCOUNT_LOCKED",
    });
    const events = await db
      .select()
      .from(tables.securityEvents)
      .where(and(eq(tables.securityEvents.userId, user.id), eq(tables.securityEvents.type, "account_locked")));
    expect(events).toHaveLength(1);

    expect(await requestPasswordReset(email, newCtx())).toEqual({ ok: true });
    const token = extractLink((await latestMail(email))?.text ?? "", "/reset-password/");
    expect((await resetPassword({ token, password: OTHER_STRONG_PASSWORD }, newCtx())).ok).toBe(true);
    expect((await userByEmail(email)).failedLoginCount).toBe(0);
    expect((await loginWithPassword({ identity: email, password: OTHER_STRONG_PASSWORD, remember: false }, newCtx())).ok).toBe(true);
  });
});
