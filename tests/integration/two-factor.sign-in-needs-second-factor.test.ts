// Threat: a stolen password alone opens an account that has a second factor, or the code step can
// be guessed, bypassed, crossed between users or outlived a password reset. Guarantee: it cannot.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { requestPasswordReset, resetPassword } from "@/lib/security/passwords/reset";
import { RATE_LIMITS } from "@/lib/security/core/rate-limit";
import { PENDING_MAX_FAILURES } from "@/lib/security/sign-in/second-factor";
import {
  rescueAskForHelp,
  rescueByEmail,
  resendSecondFactorCode,
  signInWithRecoveryCode,
  verifySecondFactor,
} from "@/lib/security/sign-in/second-factor-steps";
import { confirmSetupFromLogin, startSetupFromLogin } from "@/lib/security/sign-in/second-factor-setup";
import { findActiveSession } from "@/lib/security/sessions/store";
import { extractLink, latestMail, newCtx, OTHER_STRONG_PASSWORD, registerConfirmed, STRONG_PASSWORD, uniqueEmail } from "../support/flows";
import {
  codeAt,
  emailedCodeCount,
  eventsOf,
  latestEmailedCode,
  latestTextedCode,
  nextCode,
  passwordStep,
  saveMethod,
  sessionCount,
  textCount,
  uniquePhone,
  wrongCode,
} from "../support/two-factor";

const FAILURE_BUDGET = RATE_LIMITS.loginFailuresPerAccount.limit;

describe("sign-in with a second factor", () => {
  it("the right password gives a pending second factor, not a session; the right code gives the session", async () => {
    const email = uniqueEmail("tf-login");
    const user = await registerConfirmed(email);
    const secret = await saveMethod(user.id, "authenticator");

    const result = await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false, next: "/account/activity" }, newCtx());
    expect(result).toMatchObject({ ok: true, outcome: { status: "second-factor", state: "ready", method: "authenticator" } });
    expect(result.ok && "session" in result.outcome).toBe(false);
    expect(await sessionCount(user.id)).toBe(0);
    if (!result.ok || result.outcome.status !== "second-factor") return;

    const done = await verifySecondFactor(result.outcome.pendingToken, await codeAt(secret), newCtx());
    expect(done).toMatchObject({ ok: true, next: "/account/activity", rememberDevice: null });
    if (!done.ok) return;
    const active = await findActiveSession(done.session.token);
    expect(active?.user.id).toBe(user.id);
    expect(active?.session.authnVia).toEqual(["password", "authenticator"]);
    expect(await eventsOf(user.id, "tf_code_confirmed")).toHaveLength(1);

    // The pending login is spent.
    expect(await verifySecondFactor(result.outcome.pendingToken, await nextCode(secret), newCtx())).toMatchObject({
      ok: false,
      code: "TWO_FACTOR_PERMISSION_DENIED",
    });
  });

  it("email method: the code is emailed at the password step and completes the sign-in", async () => {
    const email = uniqueEmail("tf-email");
    const user = await registerConfirmed(email);
    await saveMethod(user.id, "email");
    expect(await emailedCodeCount(email)).toBe(0);
    const { pendingToken, method } = await passwordStep(email);
    expect(method).toBe("email");
    expect(await emailedCodeCount(email)).toBe(1);
    const mail = await latestMail(email);
    expect(mail?.subject).toBe("Gatehouse: Your sign-in code");
    expect(await verifySecondFactor(pendingToken, await latestEmailedCode(email), newCtx())).toMatchObject({ ok: true });
  });

  it("sms method: the code is texted to the saved phone at the password step and completes the sign-in", async () => {
    const email = uniqueEmail("tf-sms");
    const user = await registerConfirmed(email);
    const phone = uniquePhone().e164;
    await saveMethod(user.id, "sms", phone);
    const { pendingToken, method } = await passwordStep(email);
    expect(method).toBe("sms");
    expect(await textCount(phone)).toBe(1);
    expect(await verifySecondFactor(pendingToken, await latestTextedCode(phone), newCtx())).toMatchObject({ ok: true });
  });

  it("email method: signing in twice within one 30-second step works both times", async () => {
    const email = uniqueEmail("tf-email-twice");
    const user = await registerConfirmed(email);
    await saveMethod(user.id, "email");
    const first = await passwordStep(email);
    expect(await verifySecondFactor(first.pendingToken, await latestEmailedCode(email), newCtx())).toMatchObject({ ok: true });
    // The second sign-in's emailed code must not be the one just used (replay protection would refuse it).
    const second = await passwordStep(email);
    expect(await verifySecondFactor(second.pendingToken, await latestEmailedCode(email), newCtx())).toMatchObject({ ok: true });
    expect(await sessionCount(user.id)).toBe(2);
  });

  it("a wrong code is TWO_FACTOR_INVALID_TOKEN, logs user_failed_authn with tfa, and keeps the pending login", async () => {
    const email = uniqueEmail("tf-wrong");
    const user = await registerConfirmed(email);
    const secret = await saveMethod(user.id, "authenticator");
    const { pendingToken } = await passwordStep(email);
    const right = await codeAt(secret);
    expect(await verifySecondFactor(pendingToken, wrongCode(right), newCtx())).toEqual({
      ok: false,
      code: "TWO_FACTOR_INVALID_TOKEN",
      fieldErrors: { code: ["That code is not valid."] },
    });
    const failed = await eventsOf(user.id, "user_failed_authn");
    expect(failed).toHaveLength(1);
    expect(failed[0]?.data).toMatchObject({ tfa: true });
    expect(await sessionCount(user.id)).toBe(0);
    expect(await verifySecondFactor(pendingToken, right, newCtx())).toMatchObject({ ok: true });
  });

  it(`wrong codes spend the per-account login failure budget: after ${FAILURE_BUDGET}, even the right password is refused`, async () => {
    const email = uniqueEmail("tf-budget");
    const user = await registerConfirmed(email);
    const secret = await saveMethod(user.id, "authenticator");
    const bad = wrongCode(await codeAt(secret));
    // A pending sign-in dies after PENDING_MAX_FAILURES wrong codes, so the guesser signs in again.
    for (let round = 0; round < FAILURE_BUDGET / PENDING_MAX_FAILURES; round++) {
      const { pendingToken } = await passwordStep(email);
      for (let i = 1; i <= PENDING_MAX_FAILURES; i++) {
        // New IPs: the account budget holds against a distributed guesser.
        const expected = i < PENDING_MAX_FAILURES ? "TWO_FACTOR_INVALID_TOKEN" : "TWO_FACTOR_ATTEMPTS_EXCEEDED";
        expect(await verifySecondFactor(pendingToken, bad, newCtx())).toMatchObject({ code: expected });
      }
    }
    expect(await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx())).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
    });
    expect(await eventsOf(user.id, "user_failed_authn")).toHaveLength(FAILURE_BUDGET);
  });

  it("re-entering the password between wrong codes does not restore the budget (only a completed sign-in does)", async () => {
    const email = uniqueEmail("tf-budget-reset");
    const user = await registerConfirmed(email);
    const secret = await saveMethod(user.id, "authenticator");
    const bad = wrongCode(await codeAt(secret));
    const half = FAILURE_BUDGET / 2;
    for (const round of [1, 2]) {
      const { pendingToken } = await passwordStep(email);
      for (let i = 1; i <= half; i++) {
        const expected = i < PENDING_MAX_FAILURES ? "TWO_FACTOR_INVALID_TOKEN" : "TWO_FACTOR_ATTEMPTS_EXCEEDED";
        expect(await verifySecondFactor(pendingToken, bad, newCtx()), `round ${round}`).toMatchObject({ code: expected });
      }
    }
    expect(await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx())).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
    });
  });

  it("a completed sign-in restores the budget", async () => {
    const email = uniqueEmail("tf-budget-ok");
    const user = await registerConfirmed(email);
    const secret = await saveMethod(user.id, "authenticator");
    const bad = wrongCode(await codeAt(secret));
    const first = await passwordStep(email);
    for (let i = 0; i < PENDING_MAX_FAILURES - 1; i++) await verifySecondFactor(first.pendingToken, bad, newCtx());
    expect(await verifySecondFactor(first.pendingToken, await codeAt(secret), newCtx())).toMatchObject({ ok: true });
    // Budget - 1 wrong passwords now would exceed the budget if the codes still counted.
    for (let i = 0; i < FAILURE_BUDGET - 1; i++) {
      expect(await loginWithPassword({ identity: email, password: "not-the-password-at-all", remember: false }, newCtx())).toMatchObject({
        code: "GENERIC_AUTHN_FAILED",
      });
    }
    expect((await passwordStep(email)).state).toBe("ready");
  });

  it("an expired pending login is TWO_FACTOR_PERMISSION_DENIED, even with the right code", async () => {
    const email = uniqueEmail("tf-expired");
    const user = await registerConfirmed(email);
    const secret = await saveMethod(user.id, "authenticator");
    const { pendingToken } = await passwordStep(email);
    const db = await getDb();
    await db
      .update(tables.pendingLogins)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(tables.pendingLogins.userId, user.id));
    expect(await verifySecondFactor(pendingToken, await codeAt(secret), newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_PERMISSION_DENIED" });
    expect(await sessionCount(user.id)).toBe(0);
  });

  it("user A's pending login cannot be completed with user B's code", async () => {
    const alice = uniqueEmail("tf-alice");
    const bob = uniqueEmail("tf-bob");
    const a = await registerConfirmed(alice);
    const b = await registerConfirmed(bob);
    await saveMethod(a.id, "authenticator");
    const bobSecret = await saveMethod(b.id, "authenticator");
    const { pendingToken } = await passwordStep(alice);
    expect(await verifySecondFactor(pendingToken, await codeAt(bobSecret), newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_INVALID_TOKEN" });
    expect(await sessionCount(a.id)).toBe(0);
    expect(await sessionCount(b.id)).toBe(0);
  });

  it("a password reset between the first and second factor voids the pending login", async () => {
    const email = uniqueEmail("tf-reset");
    const user = await registerConfirmed(email);
    const secret = await saveMethod(user.id, "authenticator");
    const { pendingToken } = await passwordStep(email);
    expect(await requestPasswordReset(email, newCtx())).toEqual({ ok: true });
    const token = extractLink((await latestMail(email))?.text ?? "", "/reset-password/");
    expect(await resetPassword({ token, password: OTHER_STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true });
    expect(await verifySecondFactor(pendingToken, await codeAt(secret), newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_PERMISSION_DENIED" });
    expect(await sessionCount(user.id)).toBe(0);
  });

  it("resending the code is rate-limited: the 6th send in the window is RATE_LIMITED", async () => {
    const email = uniqueEmail("tf-resend");
    const user = await registerConfirmed(email);
    await saveMethod(user.id, "email");
    const { pendingToken } = await passwordStep(email); // send 1
    for (let i = 2; i <= RATE_LIMITS.codesSentPerUser.limit; i++) {
      expect(await resendSecondFactorCode(pendingToken, newCtx()), `send ${i}`).toEqual({ ok: true });
    }
    expect(await emailedCodeCount(email)).toBe(RATE_LIMITS.codesSentPerUser.limit);
    const limited = await resendSecondFactorCode(pendingToken, newCtx());
    expect(limited).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(limited.ok === false && limited.retryAfter).toBeGreaterThan(0);
    expect(await emailedCodeCount(email)).toBe(RATE_LIMITS.codesSentPerUser.limit);
  });

  it("resend is refused for an authenticator (nothing to send)", async () => {
    const email = uniqueEmail("tf-resend-auth");
    const user = await registerConfirmed(email);
    await saveMethod(user.id, "authenticator");
    const { pendingToken } = await passwordStep(email);
    expect(await resendSecondFactorCode(pendingToken, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_METHOD_NOT_AVAILABLE" });
  });
});

describe("garbage or absent pending tokens", () => {
  const GARBAGE: (string | undefined)[] = [
    undefined,
    "",
    "x",
    "a".repeat(43),
    "A_-".repeat(14) + "Z",
    "'; delete from users; --",
    "../../etc/passwd",
    "\u0000\u202e".repeat(22),
    "é".repeat(43),
    "a".repeat(1_000_000),
  ];

  it("every second-factor step answers TWO_FACTOR_PERMISSION_DENIED and never throws", async () => {
    const ctx = newCtx();
    for (const token of GARBAGE) {
      const label = JSON.stringify(token?.slice(0, 20));
      const results = await Promise.all([
        verifySecondFactor(token, "123456", ctx),
        resendSecondFactorCode(token, ctx),
        rescueByEmail(token, ctx),
        rescueAskForHelp(token, ctx),
        signInWithRecoveryCode(token, "abcd-ef01-2345", ctx),
        startSetupFromLogin(token, { method: "authenticator" }, ctx),
        confirmSetupFromLogin(token, "123456", ctx),
      ]);
      for (const r of results) expect(r, label).toMatchObject({ ok: false, code: "TWO_FACTOR_PERMISSION_DENIED" });
    }
  });

  it("a token in the wrong state is denied too (a ready login cannot run setup)", async () => {
    const email = uniqueEmail("tf-state");
    const user = await registerConfirmed(email);
    await saveMethod(user.id, "authenticator");
    const { pendingToken } = await passwordStep(email);
    expect(await startSetupFromLogin(pendingToken, { method: "authenticator" }, newCtx())).toMatchObject({ code: "TWO_FACTOR_PERMISSION_DENIED" });
    expect(await confirmSetupFromLogin(pendingToken, "123456", newCtx())).toMatchObject({ code: "TWO_FACTOR_PERMISSION_DENIED" });
  });
});
