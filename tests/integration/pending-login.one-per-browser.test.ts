// Threat (availability): signing in on a laptop and a phone at once, the second first factor
// deleted the first browser's pending sign-in, so its correct code was refused. Guarantee: several
// pending sign-ins per user (at most 5, the oldest dropped), each finished by its own cookie only.
import { describe, expect, it } from "vitest";
import { findPendingLogin } from "@/lib/security/sessions/pending";
import { verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { newCtx, registerConfirmed, uniqueEmail } from "../support/flows";
import { codeAt, passwordStep, saveMethod, sessionCount, TOTP_STEP } from "../support/two-factor";
import { pendingLoginsOf } from "../support/unified";

describe("pending sign-ins", () => {
  it("two browsers each finish their own second factor", async () => {
    const email = uniqueEmail("two-browsers");
    const user = await registerConfirmed(email);
    const secret = await saveMethod(user.id, "authenticator");
    const laptop = await passwordStep(email);
    const phone = await passwordStep(email);
    expect(await pendingLoginsOf(user.id)).toHaveLength(2);
    // Each code works once, so the second browser types the next one.
    expect(await verifySecondFactor(laptop.pendingToken, await codeAt(secret), newCtx())).toMatchObject({ ok: true });
    expect(await verifySecondFactor(phone.pendingToken, await codeAt(secret, TOTP_STEP), newCtx())).toMatchObject({ ok: true });
    expect(await sessionCount(user.id)).toBe(2);
    expect(await pendingLoginsOf(user.id)).toHaveLength(0);
  });

  it("are bounded: a sixth drops the oldest, and only the dropped one stops working", async () => {
    const email = uniqueEmail("pending-bound");
    const user = await registerConfirmed(email);
    await saveMethod(user.id, "authenticator");
    const started = [];
    for (let i = 0; i < 6; i++) started.push(await passwordStep(email));
    expect(await pendingLoginsOf(user.id)).toHaveLength(5);
    expect(await findPendingLogin(started[0]!.pendingToken)).toBeNull();
    for (const kept of started.slice(1)) expect(await findPendingLogin(kept.pendingToken)).not.toBeNull();
  });

  it("six started at once leave at most five", async () => {
    const email = uniqueEmail("pending-race");
    const user = await registerConfirmed(email);
    await saveMethod(user.id, "authenticator");
    await Promise.all(Array.from({ length: 6 }, () => passwordStep(email)));
    expect((await pendingLoginsOf(user.id)).length).toBeLessThanOrEqual(5);
  });
});
