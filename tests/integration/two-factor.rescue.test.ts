// Threat: someone who lost their second factor is locked out for good, or a rescue path opens the
// account to a password thief without the mailbox. Guarantee: rescue goes through the account's email.
import { describe, expect, it } from "vitest";
import { rescueAskForHelp, rescueByEmail, verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { findActiveSession } from "@/lib/security/sessions/store";
import { mailsTo, newCtx, registerConfirmed, uniqueEmail, withEnv } from "../support/flows";
import { emailedCodeCount, eventsOf, latestEmailedCode, passwordStep, saveMethod, sessionCount, wrongCode } from "../support/two-factor";

describe("two-factor rescue", () => {
  it("rescueByEmail sends a code to the account's email that verifySecondFactor accepts, once", async () => {
    const email = uniqueEmail("rescue");
    const user = await registerConfirmed(email);
    await saveMethod(user.id, "authenticator");
    const { pendingToken } = await passwordStep(email);
    expect(await emailedCodeCount(email)).toBe(0);

    expect(await rescueByEmail(pendingToken, newCtx())).toEqual({ ok: true });
    expect(await emailedCodeCount(email)).toBe(1);
    const code = await latestEmailedCode(email);
    expect(await eventsOf(user.id, "tf_rescue_requested")).toHaveLength(1);

    expect(await verifySecondFactor(pendingToken, wrongCode(code), newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_INVALID_TOKEN" });
    const done = await verifySecondFactor(pendingToken, code, newCtx());
    expect(done).toMatchObject({ ok: true });
    if (done.ok) expect((await findActiveSession(done.session.token))?.user.id).toBe(user.id);

    // The rescue code belonged to that pending login only.
    const next = await passwordStep(email);
    expect(await verifySecondFactor(next.pendingToken, code, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_INVALID_TOKEN" });
    expect(await sessionCount(user.id)).toBe(1);
  });

  it("a rescue code for user A does not complete user B's pending login", async () => {
    const alice = uniqueEmail("rescue-a");
    const bob = uniqueEmail("rescue-b");
    const a = await registerConfirmed(alice);
    const b = await registerConfirmed(bob);
    await saveMethod(a.id, "authenticator");
    await saveMethod(b.id, "authenticator");
    const pa = await passwordStep(alice);
    const pb = await passwordStep(bob);
    expect(await rescueByEmail(pa.pendingToken, newCtx())).toEqual({ ok: true });
    expect(await verifySecondFactor(pb.pendingToken, await latestEmailedCode(alice), newCtx())).toMatchObject({ ok: false });
    expect(await sessionCount(b.id)).toBe(0);
  });

  it("rescue by email can be switched off", async () => {
    await withEnv({ SECURITY_TWO_FACTOR_RESCUE_EMAIL: "false" }, async () => {
      const email = uniqueEmail("rescue-off");
      const user = await registerConfirmed(email);
      await saveMethod(user.id, "authenticator");
      const { pendingToken } = await passwordStep(email);
      expect(await rescueByEmail(pendingToken, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_METHOD_NOT_AVAILABLE" });
      expect(await emailedCodeCount(email)).toBe(0);
    });
  });

  it("rescueAskForHelp emails SECURITY_TWO_FACTOR_RESCUE_MAIL naming the user", async () => {
    const admin = uniqueEmail("security-desk");
    await withEnv({ SECURITY_TWO_FACTOR_RESCUE_MAIL: admin }, async () => {
      const email = uniqueEmail("rescue-help");
      const user = await registerConfirmed(email);
      await saveMethod(user.id, "authenticator");
      const { pendingToken } = await passwordStep(email);
      expect(await rescueAskForHelp(pendingToken, newCtx())).toEqual({ ok: true });
      const mails = await mailsTo(admin);
      expect(mails).toHaveLength(1);
      expect(mails[0]?.subject).toBe("Gatehouse: Someone needs help signing in");
      expect(mails[0]?.text).toContain(email);
      expect(mails[0]?.text).toContain(user.id);
      // The user is not signed in by asking.
      expect(await sessionCount(user.id)).toBe(0);
    });
  });
});
