// Threat: one sign-in box takes passwords and codes, so a replayed, stale or guessed code, or an
// enumerating identity, must get nowhere. Guarantee: each passcode is matched once, to one method, within its window.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { hashPassword } from "@/lib/security/core/password-hash";
import { RATE_LIMITS } from "@/lib/security/core/rate-limit";
import { verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { deactivateUser } from "@/lib/security/accounts/activation";
import { signInWithPasscode, type PasscodeSignInInput } from "@/lib/security/sign-in/passcode";
import { newCtx, STRONG_PASSWORD, withEnv } from "../support/flows";
import { codeAt, eventsOf, saveMethod, sessionCount, wrongCode } from "../support/two-factor";
import { freshUser, methodRow, passwordlessUser, pendingLoginsOf, sessionOf, sessionsOf, unifiedUser } from "../support/unified";

const signIn = (identity: string, passcode: string, extra: Partial<PasscodeSignInInput> = {}) =>
  signInWithPasscode({ identity, passcode, remember: false, ...extra }, newCtx());

describe("which credential a passcode is", () => {
  it("tries the password before any code: a password that is also a valid code signs in as password and spends no code", async () => {
    const u = await unifiedUser("us-order", ["authenticator"]);
    const code = await codeAt(u.secrets.authenticator!);
    const db = await getDb();
    await db
      .update(tables.users)
      .set({ passwordHash: await hashPassword(code) })
      .where(eq(tables.users.id, u.user.id));

    const result = await signIn(u.email, code);
    expect(result).toMatchObject({ ok: true, via: ["password"], outcome: { status: "signed-in" } });
    if (!result.ok) return;
    expect((await sessionOf(result.outcome)).authnVia).toEqual(["password"]);
    // The authenticator code was never tried: its step is still unused.
    expect((await methodRow(u.user.id, "authenticator"))?.lastTimeStep).toBe(0);
  });

  it("records the method that matched in the session's authn_via (password, email, sms, authenticator)", async () => {
    const u = await unifiedUser("us-via", ["email", "sms", "authenticator"]);
    const cases = [
      { passcode: STRONG_PASSWORD, via: "password" },
      { passcode: await codeAt(u.secrets.email!), via: "email" },
      { passcode: await codeAt(u.secrets.sms!), via: "sms" },
      { passcode: await codeAt(u.secrets.authenticator!), via: "authenticator" },
    ] as const;
    for (const { passcode, via } of cases) {
      const result = await signIn(u.email, passcode);
      expect(result).toMatchObject({ ok: true, via: [via], outcome: { status: "signed-in" } });
      if (!result.ok) continue;
      expect((await sessionOf(result.outcome)).authnVia).toEqual([via]);
    }
    expect(await sessionCount(u.user.id)).toBe(4);
    // Only the code that matched was spent, each once.
    for (const method of ["email", "sms", "authenticator"] as const) {
      expect((await methodRow(u.user.id, method))?.lastTimeStep).toBeGreaterThan(0);
    }
  });

  it("a code of one method spends only that method's step", async () => {
    const u = await unifiedUser("us-one-step", ["email", "authenticator"]);
    expect(await signIn(u.email, await codeAt(u.secrets.authenticator!))).toMatchObject({ ok: true, via: ["authenticator"] });
    expect((await methodRow(u.user.id, "authenticator"))?.lastTimeStep).toBeGreaterThan(0);
    expect((await methodRow(u.user.id, "email"))?.lastTimeStep).toBe(0);
  });
});

describe("two-factor after unified sign-in (SECURITY_US_MFA_REQUIRED = password, email)", () => {
  it("password and email code lead to the pending second factor; no session yet", async () => {
    const u = await unifiedUser("us-mfa", ["email"]);
    await saveMethod(u.user.id, "authenticator");

    const byPassword = await signIn(u.email, STRONG_PASSWORD);
    expect(byPassword).toMatchObject({ ok: true, via: ["password"], outcome: { status: "second-factor", state: "ready", method: "authenticator" } });
    expect((await pendingLoginsOf(u.user.id)).map((p) => p.authnVia)).toEqual([["password"]]);

    const byEmail = await signIn(u.email, await codeAt(u.secrets.email!));
    expect(byEmail).toMatchObject({ ok: true, via: ["email"], outcome: { status: "second-factor", state: "ready", method: "authenticator" } });
    // Each first factor has its own pending sign-in (two browsers may be signing in at once).
    expect((await pendingLoginsOf(u.user.id)).map((p) => p.authnVia).sort()).toEqual([["email"], ["password"]]);
    expect(await sessionCount(u.user.id)).toBe(0);
  });

  it("the pending login from an email code finishes with the second factor: authn_via email + authenticator", async () => {
    const u = await unifiedUser("us-mfa-finish", ["email"]);
    const tfSecret = await saveMethod(u.user.id, "authenticator");
    const first = await signIn(u.email, await codeAt(u.secrets.email!));
    if (!first.ok || first.outcome.status !== "second-factor") throw new Error("expected a pending second factor");

    const done = await verifySecondFactor(first.outcome.pendingToken, await codeAt(tfSecret), newCtx());
    expect(done).toMatchObject({ ok: true });
    const [session] = await sessionsOf(u.user.id);
    expect(session?.authnVia).toEqual(["email", "authenticator"]);
  });

  it("authenticator and SMS codes are themselves a second factor: signed in directly even with two-factor", async () => {
    const u = await unifiedUser("us-mfa-direct", ["sms", "authenticator"]);
    await saveMethod(u.user.id, "email");
    for (const method of ["authenticator", "sms"] as const) {
      const result = await signIn(u.email, await codeAt(u.secrets[method]!));
      expect(result).toMatchObject({ ok: true, via: [method], outcome: { status: "signed-in" } });
      if (result.ok) expect((await sessionOf(result.outcome)).authnVia).toEqual([method]);
    }
    expect(await pendingLoginsOf(u.user.id)).toEqual([]);
  });

  it("SECURITY_US_MFA_REQUIRED is honoured: with only password listed, an email code signs in directly", async () => {
    await withEnv({ SECURITY_US_MFA_REQUIRED: "password" }, async () => {
      const u = await unifiedUser("us-mfa-config", ["email"]);
      await saveMethod(u.user.id, "authenticator");
      expect(await signIn(u.email, await codeAt(u.secrets.email!))).toMatchObject({ ok: true, via: ["email"], outcome: { status: "signed-in" } });
      expect(await signIn(u.email, STRONG_PASSWORD)).toMatchObject({ ok: true, via: ["password"], outcome: { status: "second-factor" } });
    });
  });
});

describe("each code once", () => {
  it("a code that signed in once is refused the second time", async () => {
    const u = await unifiedUser("us-replay", ["authenticator"]);
    const code = await codeAt(u.secrets.authenticator!);
    expect(await signIn(u.email, code)).toMatchObject({ ok: true, via: ["authenticator"] });
    expect(await signIn(u.email, code)).toEqual({ ok: false, code: "GENERIC_AUTHN_FAILED" });
    expect(await sessionCount(u.user.id)).toBe(1);
  });

  it("an older code within the window is refused once a newer one was used", async () => {
    const u = await unifiedUser("us-older", ["sms"]);
    expect(await signIn(u.email, await codeAt(u.secrets.sms!))).toMatchObject({ ok: true, via: ["sms"] });
    expect(await signIn(u.email, await codeAt(u.secrets.sms!, -60))).toEqual({ ok: false, code: "GENERIC_AUTHN_FAILED" });
  });

  it("three concurrent submissions of one code: exactly one signs in", async () => {
    const u = await unifiedUser("us-race", ["email", "authenticator"]);
    const code = await codeAt(u.secrets.email!);
    const results = await Promise.all([signIn(u.email, code), signIn(u.email, code), signIn(u.email, code)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["GENERIC_AUTHN_FAILED", "GENERIC_AUTHN_FAILED"]);
    expect(await sessionCount(u.user.id)).toBe(1);
  });
});

describe("code windows (email and SMS: SECURITY_US_TOKEN_VALIDITY 120 s)", () => {
  it("an email code from 90 s ago passes; one from 200 s ago (inside the two-factor email window) fails", async () => {
    const u = await unifiedUser("us-window-email", ["email"]);
    expect(await signIn(u.email, await codeAt(u.secrets.email!, -200))).toEqual({ ok: false, code: "GENERIC_AUTHN_FAILED" });
    expect(await signIn(u.email, await codeAt(u.secrets.email!, -90))).toMatchObject({ ok: true, via: ["email"] });
  });

  it("an SMS code from 5 minutes ago fails; a current one passes", async () => {
    const u = await unifiedUser("us-window-sms", ["sms"]);
    expect(await signIn(u.email, await codeAt(u.secrets.sms!, -300))).toEqual({ ok: false, code: "GENERIC_AUTHN_FAILED" });
    expect(await signIn(u.email, await codeAt(u.secrets.sms!))).toMatchObject({ ok: true, via: ["sms"] });
  });

  it("an email code from 5 minutes ago fails, and so does one from 5 minutes ahead", async () => {
    const u = await unifiedUser("us-window-ahead", ["email"]);
    expect(await signIn(u.email, await codeAt(u.secrets.email!, -300))).toEqual({ ok: false, code: "GENERIC_AUTHN_FAILED" });
    expect(await signIn(u.email, await codeAt(u.secrets.email!, 300))).toEqual({ ok: false, code: "GENERIC_AUTHN_FAILED" });
    expect((await methodRow(u.user.id, "email"))?.lastTimeStep).toBe(0);
  });

  it("SECURITY_US_TOKEN_VALIDITY widens the window", async () => {
    await withEnv({ SECURITY_US_TOKEN_VALIDITY: "600s" }, async () => {
      const u = await unifiedUser("us-window-config", ["email"]);
      expect(await signIn(u.email, await codeAt(u.secrets.email!, -300))).toMatchObject({ ok: true, via: ["email"] });
    });
  });
});

describe("failures", () => {
  it("an unknown identity and a wrong passcode give the same answer", async () => {
    const u = await unifiedUser("us-generic", ["authenticator"]);
    const unknown = await signIn(`nobody-${u.user.id}@example.com`, STRONG_PASSWORD);
    const unknownPhone = await signIn("+1 202 555 0199", "123456");
    const wrong = await signIn(u.email, wrongCode(await codeAt(u.secrets.authenticator!)));
    const wrongPassword = await signIn(u.email, "not the password at all");
    for (const r of [unknown, unknownPhone, wrong, wrongPassword]) expect(r).toEqual({ ok: false, code: "GENERIC_AUTHN_FAILED" });
  });

  it("with SECURITY_RETURN_GENERIC_RESPONSES=false a wrong passcode is INVALID_PASSWORD_CODE on the passcode field", async () => {
    await withEnv({ SECURITY_RETURN_GENERIC_RESPONSES: "false" }, async () => {
      const u = await unifiedUser("us-explicit", ["authenticator"]);
      expect(await signIn(u.email, "000000")).toMatchObject({ ok: false, code: "INVALID_PASSWORD_CODE", fieldErrors: { passcode: [expect.any(String)] } });
    });
  });

  it("an empty identity is US_SPECIFY_IDENTITY", async () => {
    expect(await signIn("   ", STRONG_PASSWORD)).toMatchObject({ ok: false, code: "US_SPECIFY_IDENTITY" });
  });

  it("a wrong passcode counts against the account (counter, event); a right one resets the counter", async () => {
    const u = await unifiedUser("us-count", ["authenticator"]);
    await signIn(u.email, "111111");
    await signIn(u.email, "wrong password");
    expect((await freshUser(u.user.id)).failedLoginCount).toBe(2);
    const events = await eventsOf(u.user.id, "user_failed_authn");
    expect(events.map((e) => (e.data as { authType?: string }).authType)).toEqual(["passcode", "passcode"]);
    expect(await signIn(u.email, await codeAt(u.secrets.authenticator!))).toMatchObject({ ok: true });
    expect((await freshUser(u.user.id)).failedLoginCount).toBe(0);
  });

  it(`the ${RATE_LIMITS.loginFailuresPerAccount.limit + 1}th wrong passcode within 15 minutes is RATE_LIMITED, whichever identity form and IP is used`, async () => {
    const u = await unifiedUser("us-limit", ["sms"]);
    const limit = RATE_LIMITS.loginFailuresPerAccount.limit;
    for (let i = 0; i < limit; i++) {
      // Half by email, half by phone: both are the same account.
      const identity = i % 2 ? u.email : u.phone!;
      expect(await signIn(identity, String(100000 + i))).toEqual({ ok: false, code: "GENERIC_AUTHN_FAILED" });
    }
    const refused = await signIn(u.email, await codeAt(u.secrets.sms!));
    expect(refused).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await signIn(u.email, STRONG_PASSWORD)).toMatchObject({ ok: false, code: "RATE_LIMITED" });
    expect(await sessionCount(u.user.id)).toBe(0);
    // The refused attempts never reached the check: the code is still unspent.
    expect((await methodRow(u.user.id, "sms"))?.lastTimeStep).toBe(0);
  });

  it("unknown identities have a failure budget too, so the lock does not tell that an account exists", async () => {
    const identity = `ghost-${Date.now()}-${Math.random()}@example.com`;
    for (let i = 0; i < RATE_LIMITS.loginFailuresPerAccount.limit; i++) {
      expect(await signIn(identity, "123456")).toEqual({ ok: false, code: "GENERIC_AUTHN_FAILED" });
    }
    expect(await signIn(identity, "123456")).toMatchObject({ ok: false, code: "RATE_LIMITED" });
  });

  it("a disabled account: a wrong passcode looks like any failure, the right one is DISABLED_ACCOUNT with no session", async () => {
    const u = await unifiedUser("us-disabled", ["authenticator"]);
    await deactivateUser(u.user.id);
    expect(await signIn(u.email, "000000")).toEqual({ ok: false, code: "GENERIC_AUTHN_FAILED" });
    expect(await signIn(u.email, await codeAt(u.secrets.authenticator!))).toEqual({ ok: false, code: "DISABLED_ACCOUNT" });
    expect(await signIn(u.email, STRONG_PASSWORD)).toEqual({ ok: false, code: "DISABLED_ACCOUNT" });
    expect(await sessionCount(u.user.id)).toBe(0);
  });

  it("an unconfirmed account: the right code is CONFIRMATION_REQUIRED with no session", async () => {
    const u = await passwordlessUser("us-unconfirmed", ["authenticator"], false);
    expect(await signIn(u.email, await codeAt(u.secrets.authenticator!))).toEqual({ ok: false, code: "CONFIRMATION_REQUIRED" });
    expect(await sessionCount(u.user.id)).toBe(0);
    expect(await pendingLoginsOf(u.user.id)).toEqual([]);
  });

  it("a password-less account is not signed in by an empty or guessed password", async () => {
    const u = await passwordlessUser("us-nopass", ["email"]);
    for (const passcode of ["", " ", STRONG_PASSWORD, "null"]) {
      expect(await signIn(u.email, passcode)).toEqual({ ok: false, code: "GENERIC_AUTHN_FAILED" });
    }
    expect(await sessionCount(u.user.id)).toBe(0);
  });
});
