// Threat: an old or intercepted one-time code is used again (shoulder-surfed, phished, replayed,
// or sent twice at once to two app instances). Guarantee: per-method windows, each code once.
import { describe, expect, it } from "vitest";
import type { TwoFactorMethod } from "@/lib/security/config";
import { verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { getTwoFactor, consumeCode } from "@/lib/security/codes/store";
import { newCtx, registerConfirmed, uniqueEmail } from "../support/flows";
import { codeAt, passwordStep, saveMethod, sessionCount, TOTP_STEP, twoFactorRow, uniquePhone } from "../support/two-factor";

async function userWithMethod(method: TwoFactorMethod): Promise<{ id: string; email: string; secret: string }> {
  const email = uniqueEmail(`window-${method}`);
  const user = await registerConfirmed(email);
  const secret = await saveMethod(user.id, method, method === "sms" ? uniquePhone().e164 : null);
  return { id: user.id, email, secret };
}

async function accepts(userId: string, code: string): Promise<boolean> {
  const row = await getTwoFactor(userId);
  if (!row) throw new Error("no method");
  return (await consumeCode("two-factor", row, code)) === "valid";
}

describe("code windows per method (authenticator 120 s, email 300 s, sms 120 s)", () => {
  it("authenticator: a code from 90 s ago passes", async () => {
    const u = await userWithMethod("authenticator");
    expect(await accepts(u.id, await codeAt(u.secret, -90))).toBe(true);
  });

  it("authenticator: a code from 200 s ago fails, and so does one from 200 s ahead", async () => {
    const u = await userWithMethod("authenticator");
    expect(await accepts(u.id, await codeAt(u.secret, -200))).toBe(false);
    expect(await accepts(u.id, await codeAt(u.secret, 200))).toBe(false);
    // The same account still takes a current code: the refusals were about time, not the account.
    expect(await accepts(u.id, await codeAt(u.secret))).toBe(true);
  });

  it("email: a code sent 200 s ago still passes (mail is slow), one from 330 s ago does not", async () => {
    const u = await userWithMethod("email");
    expect(await accepts(u.id, await codeAt(u.secret, -330))).toBe(false);
    expect(await accepts(u.id, await codeAt(u.secret, -200))).toBe(true);
  });

  it("sms: a code from 90 s ago passes, one from 200 s ago fails", async () => {
    const u = await userWithMethod("sms");
    expect(await accepts(u.id, await codeAt(u.secret, -200))).toBe(false);
    expect(await accepts(u.id, await codeAt(u.secret, -90))).toBe(true);
  });

  it("garbage codes are refused without a throw", async () => {
    const u = await userWithMethod("authenticator");
    for (const code of ["", "12345", "1234567", "abcdef", "１２３４５６", " ".repeat(10_000), "0".repeat(1_000_000)]) {
      expect(await accepts(u.id, code)).toBe(false);
    }
  });
});

describe("replay protection", () => {
  it("verifyAndConsumeCode accepts a code once and records its time step", async () => {
    const u = await userWithMethod("authenticator");
    const code = await codeAt(u.secret);
    expect(await accepts(u.id, code)).toBe(true);
    expect(await accepts(u.id, code)).toBe(false);
    expect((await twoFactorRow(u.id))?.lastTimeStep).toBeGreaterThan(0);
  });

  it("rejects an older time step after a newer one, even with a stale row in hand", async () => {
    const u = await userWithMethod("authenticator");
    const stale = await getTwoFactor(u.id);
    const newer = await codeAt(u.secret);
    const older = await codeAt(u.secret, -2 * TOTP_STEP);
    expect(await accepts(u.id, newer)).toBe(true);
    // Within the window, but before the step already used.
    expect(await accepts(u.id, older)).toBe(false);
    // A request that read the row before the newer code was used must not pass either.
    expect(await consumeCode("two-factor", stale!, older)).not.toBe("valid");
  });

  it("the same code checked twice at once passes once", async () => {
    const u = await userWithMethod("authenticator");
    const row = await getTwoFactor(u.id);
    const code = await codeAt(u.secret);
    const results = await Promise.all([consumeCode("two-factor", row!, code), consumeCode("two-factor", row!, code), consumeCode("two-factor", row!, code)]);
    expect(results.filter((r) => r === "valid")).toHaveLength(1);
    // The losers know they lost a race on a right code: not a guess (lib/security/accounts/lockout.ts).
    expect(results.filter((r) => r === "replayed")).toHaveLength(2);
  });

  it("sign-in: the same code completes one sign-in; a second sign-in cannot reuse it", async () => {
    const u = await userWithMethod("authenticator");
    const code = await codeAt(u.secret);
    const first = await passwordStep(u.email);
    expect(await verifySecondFactor(first.pendingToken, code, newCtx())).toMatchObject({ ok: true });
    const second = await passwordStep(u.email);
    expect(await verifySecondFactor(second.pendingToken, code, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_CODE_USED" });
    expect(await sessionCount(u.id)).toBe(1);
  });

  it("sign-in: two verifySecondFactor calls racing with the same code sign in exactly once", async () => {
    const u = await userWithMethod("authenticator");
    const code = await codeAt(u.secret);
    const { pendingToken } = await passwordStep(u.email);
    const results = await Promise.all([
      verifySecondFactor(pendingToken, code, newCtx()),
      verifySecondFactor(pendingToken, code, newCtx()),
      verifySecondFactor(pendingToken, code, newCtx()),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await sessionCount(u.id)).toBe(1);
  });

  it("sign-in: two different valid codes racing on one pending login sign in exactly once", async () => {
    const u = await userWithMethod("authenticator");
    const { pendingToken } = await passwordStep(u.email);
    const results = await Promise.all([
      verifySecondFactor(pendingToken, await codeAt(u.secret, -TOTP_STEP), newCtx()),
      verifySecondFactor(pendingToken, await codeAt(u.secret), newCtx()),
      verifySecondFactor(pendingToken, await codeAt(u.secret, TOTP_STEP), newCtx()),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await sessionCount(u.id)).toBe(1);
  });
});
