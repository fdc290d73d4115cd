// Threat: a recovery code (printed, photographed, leaked) opens the account more than once, for
// another account, or after the set was replaced. Guarantee: each code once, for its owner only.
import { describe, expect, it } from "vitest";
import { consumeRecoveryCode, generateRecoveryCodes, normalizeRecoveryCode, recoveryCodeStatus } from "@/lib/security/recovery-codes/store";
import { signInWithRecoveryCode } from "@/lib/security/sign-in/second-factor-steps";
import { findActiveSession } from "@/lib/security/sessions/store";
import { mailsTo, newCtx, registerConfirmed, uniqueEmail, withEnv } from "../support/flows";
import { eventsOf, passwordStep, saveMethod, sessionCount } from "../support/two-factor";

const FORMAT = /^[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}$/;

async function userWithCodes(tag: string): Promise<{ email: string; id: string; codes: string[] }> {
  const email = uniqueEmail(tag);
  const user = await registerConfirmed(email);
  await saveMethod(user.id, "authenticator");
  return { email, id: user.id, codes: await generateRecoveryCodes(user.id, newCtx()) };
}

describe("recovery codes", () => {
  it("5 by default, xxxx-xxxx-xxxx hex, all different", async () => {
    const { id, codes } = await userWithCodes("rc-format");
    expect(codes).toHaveLength(5);
    for (const code of codes) expect(code).toMatch(FORMAT);
    expect(new Set(codes).size).toBe(5);
    expect(await recoveryCodeStatus(id)).toEqual({ total: 5, remaining: 5 });
  });

  it("SECURITY_MULTI_FACTOR_RECOVERY_CODES_N changes the count", async () => {
    await withEnv({ SECURITY_MULTI_FACTOR_RECOVERY_CODES_N: "8" }, async () => {
      const { codes } = await userWithCodes("rc-n");
      expect(codes).toHaveLength(8);
    });
  });

  it("each code works once", async () => {
    const { id, codes } = await userWithCodes("rc-once");
    for (const code of codes) {
      expect(await consumeRecoveryCode(id, code)).toBe(true);
      expect(await consumeRecoveryCode(id, code)).toBe(false);
    }
    expect(await recoveryCodeStatus(id)).toEqual({ total: 5, remaining: 0 });
  });

  it("accepts what people type: upper case, spaces, missing or extra separators", async () => {
    expect(normalizeRecoveryCode(" ABCD EF01 2345 ")).toBe("abcd-ef01-2345");
    expect(normalizeRecoveryCode("abcdef012345")).toBe("abcd-ef01-2345");
    expect(normalizeRecoveryCode("ab-cd-ef-01-23-45")).toBe("abcd-ef01-2345");
    for (const bad of ["", "abcd-ef01-234", "abcd-ef01-23456", "ghij-ef01-2345", "abcd_ef01_2345", "x".repeat(100_000)]) {
      expect(normalizeRecoveryCode(bad), bad.slice(0, 20)).toBeNull();
    }
    const { id, codes } = await userWithCodes("rc-normalize");
    expect(await consumeRecoveryCode(id, ` ${codes[0]!.toUpperCase().replace(/-/g, " ")} `)).toBe(true);
    expect(await consumeRecoveryCode(id, codes[1]!.replace(/-/g, "").toUpperCase())).toBe(true);
    // Normalization does not make a used code new again.
    expect(await consumeRecoveryCode(id, codes[0]!)).toBe(false);
  });

  it("regenerating replaces the whole set: old codes fail, new ones work", async () => {
    const { id, codes: old } = await userWithCodes("rc-regen");
    expect(await consumeRecoveryCode(id, old[0]!)).toBe(true);
    const fresh = await generateRecoveryCodes(id, newCtx());
    expect(fresh.filter((c) => old.includes(c))).toEqual([]);
    expect(await recoveryCodeStatus(id)).toEqual({ total: 5, remaining: 5 });
    for (const code of old) expect(await consumeRecoveryCode(id, code)).toBe(false);
    expect(await consumeRecoveryCode(id, fresh[0]!)).toBe(true);
  });

  it("a user's code does not work for another user", async () => {
    const a = await userWithCodes("rc-a");
    const b = await userWithCodes("rc-b");
    expect(await consumeRecoveryCode(b.id, a.codes[0]!)).toBe(false);
    const { pendingToken } = await passwordStep(b.email);
    expect(await signInWithRecoveryCode(pendingToken, a.codes[1]!, newCtx())).toMatchObject({ ok: false, code: "INVALID_RECOVERY_CODE" });
    expect(await sessionCount(b.id)).toBe(0);
    // A's codes were not spent by the attempts.
    expect(await recoveryCodeStatus(a.id)).toEqual({ total: 5, remaining: 5 });
  });

  it("signInWithRecoveryCode completes the sign-in, records the event and mails the remaining count", async () => {
    const { email, id, codes } = await userWithCodes("rc-signin");
    const { pendingToken } = await passwordStep(email);
    const done = await signInWithRecoveryCode(pendingToken, codes[2]!.toUpperCase(), newCtx());
    expect(done).toMatchObject({ ok: true, rememberDevice: null });
    if (!done.ok) return;
    const active = await findActiveSession(done.session.token);
    expect(active?.user.id).toBe(id);
    expect(active?.session.authnVia).toEqual(["password", "recovery-code"]);
    expect((await eventsOf(id, "mf_recovery_code_used"))[0]?.data).toMatchObject({ remaining: 4 });
    const mail = (await mailsTo(email)).find((m) => m.subject === "Gatehouse: A recovery code was used");
    expect(mail?.text).toMatch(/4 unused codes left/);

    // Used once means used: the next sign-in cannot reuse it.
    const again = await passwordStep(email);
    expect(await signInWithRecoveryCode(again.pendingToken, codes[2]!, newCtx())).toMatchObject({ ok: false, code: "INVALID_RECOVERY_CODE" });
    const failed = await eventsOf(id, "user_failed_authn");
    expect(failed.at(-1)?.data).toMatchObject({ tfa: true });
  });

  it("the same code submitted twice at once signs in exactly once", async () => {
    const { email, id, codes } = await userWithCodes("rc-race");
    const { pendingToken } = await passwordStep(email);
    const results = await Promise.all([
      signInWithRecoveryCode(pendingToken, codes[0]!, newCtx()),
      signInWithRecoveryCode(pendingToken, codes[0]!, newCtx()),
      signInWithRecoveryCode(pendingToken, codes[0]!, newCtx()),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await sessionCount(id)).toBe(1);
    expect(await recoveryCodeStatus(id)).toEqual({ total: 5, remaining: 4 });
  });

  it("two different codes racing on one pending login sign in exactly once", async () => {
    const { email, id, codes } = await userWithCodes("rc-race-two");
    const { pendingToken } = await passwordStep(email);
    const results = await Promise.all([signInWithRecoveryCode(pendingToken, codes[0]!, newCtx()), signInWithRecoveryCode(pendingToken, codes[1]!, newCtx())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await sessionCount(id)).toBe(1);
  });

  it("the same code raced directly through consumeRecoveryCode is consumed once", async () => {
    const { id, codes } = await userWithCodes("rc-race-core");
    const results = await Promise.all(Array.from({ length: 8 }, () => consumeRecoveryCode(id, codes[0]!)));
    expect(results.filter(Boolean)).toHaveLength(1);
  });

  it("a recovery code needs a pending second factor: garbage tokens are denied and spend no code", async () => {
    const { id, codes } = await userWithCodes("rc-no-pending");
    expect(await signInWithRecoveryCode(undefined, codes[0]!, newCtx())).toMatchObject({ code: "TWO_FACTOR_PERMISSION_DENIED" });
    expect(await recoveryCodeStatus(id)).toEqual({ total: 5, remaining: 5 });
  });
});
