// Threat: an account that policy says must have 2FA (admins, ops) signs in with a password alone,
// or keeps signing in after an admin reset its factor. Guarantee: setup first, then the session.
import { describe, expect, it } from "vitest";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { confirmSetupFromLogin, startSetupFromLogin } from "@/lib/security/sign-in/second-factor-setup";
import { findActiveSession } from "@/lib/security/sessions/store";
import { resetTwoFactor } from "@/lib/security/codes/two-factor";
import { addRoleToUser } from "@/lib/security/accounts/user-roles";
import { mailsTo, newCtx, registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnv } from "../support/flows";
import { codeAt, latestTextedCode, nextCode, passwordStep, savedSecret, sessionCount, twoFactorRow, uniquePhone, wrongCode } from "../support/two-factor";

const OPS = { SECURITY_TWO_FACTOR_REQUIRED_ROLES: "ops" };

describe("two-factor required for a role", () => {
  it("a user in the role with no method must set one up during sign-in, then is signed in with it saved", async () => {
    await withEnv(OPS, async () => {
      const email = uniqueEmail("ops");
      const user = await registerConfirmed(email);
      await addRoleToUser(user.id, "ops");

      const pending = await passwordStep(email);
      expect(pending).toMatchObject({ state: "setup", method: null });
      expect(await sessionCount(user.id)).toBe(0);
      // Setup state is not a code-entry state.
      expect(await verifySecondFactor(pending.pendingToken, "123456", newCtx())).toMatchObject({ code: "TWO_FACTOR_PERMISSION_DENIED" });
      // Confirming before a method was proposed is denied.
      expect(await confirmSetupFromLogin(pending.pendingToken, "123456", newCtx())).toMatchObject({ code: "TWO_FACTOR_PERMISSION_DENIED" });

      const started = await startSetupFromLogin(pending.pendingToken, { method: "authenticator" }, newCtx());
      expect(started).toMatchObject({ ok: true, method: "authenticator" });
      if (!started.ok || !started.secret) throw new Error("no secret");
      expect(started.uri).toContain(`secret=${started.secret}`);

      const right = await codeAt(started.secret);
      expect(await confirmSetupFromLogin(pending.pendingToken, wrongCode(right), newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_INVALID_TOKEN" });
      expect(await twoFactorRow(user.id)).toBeUndefined();

      const done = await confirmSetupFromLogin(pending.pendingToken, right, newCtx());
      expect(done).toMatchObject({ ok: true });
      if (!done.ok) return;
      expect((await findActiveSession(done.session.token))?.user.id).toBe(user.id);
      expect((await twoFactorRow(user.id))?.method).toBe("authenticator");
      expect(await savedSecret(user.id)).toBe(started.secret);
      expect((await mailsTo(email)).map((m) => m.subject)).toContain("Gatehouse: Two-step verification was turned on");

      // Next time it is an ordinary code step with the saved method.
      const again = await passwordStep(email);
      expect(again).toMatchObject({ state: "ready", method: "authenticator" });
      expect(await verifySecondFactor(again.pendingToken, await nextCode(started.secret), newCtx())).toMatchObject({ ok: true });
    });
  });

  it("resetTwoFactor sends the user back through setup on the next sign-in", async () => {
    await withEnv(OPS, async () => {
      const email = uniqueEmail("ops-reset");
      const user = await registerConfirmed(email);
      await addRoleToUser(user.id, "ops");
      const first = await passwordStep(email);
      const started = await startSetupFromLogin(first.pendingToken, { method: "authenticator" }, newCtx());
      if (!started.ok || !started.secret) throw new Error("no secret");
      expect(await confirmSetupFromLogin(first.pendingToken, await codeAt(started.secret), newCtx())).toMatchObject({ ok: true });

      await resetTwoFactor(user.id);
      expect(await twoFactorRow(user.id)).toBeUndefined();
      expect(await passwordStep(email)).toMatchObject({ state: "setup", method: null });
    });
  });

  it("setup from login by sms: bad phone is PHONE_INVALID; the texted code saves the E.164 phone", async () => {
    await withEnv(OPS, async () => {
      const email = uniqueEmail("ops-sms");
      const user = await registerConfirmed(email);
      await addRoleToUser(user.id, "ops");
      const { pendingToken } = await passwordStep(email);
      expect(await startSetupFromLogin(pendingToken, { method: "sms", phone: "not a phone" }, newCtx())).toMatchObject({ ok: false, code: "PHONE_INVALID" });
      expect(await startSetupFromLogin(pendingToken, { method: "pigeon" }, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_METHOD_NOT_AVAILABLE" });
      const phone = uniquePhone();
      expect(await startSetupFromLogin(pendingToken, { method: "sms", phone: phone.typed }, newCtx())).toMatchObject({ ok: true, secret: null });
      expect(await confirmSetupFromLogin(pendingToken, await latestTextedCode(phone.e164), newCtx())).toMatchObject({ ok: true });
      expect(await twoFactorRow(user.id)).toMatchObject({ method: "sms", phone: phone.e164 });
    });
  });

  it("without the role the same user is signed in directly", async () => {
    await withEnv(OPS, async () => {
      const email = uniqueEmail("not-ops");
      const user = await registerConfirmed(email);
      await addRoleToUser(user.id, "support");
      const result = await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx());
      expect(result).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
      expect(await sessionCount(user.id)).toBe(1);
    });
  });

  it("SECURITY_TWO_FACTOR_REQUIRED=true requires setup from everyone", async () => {
    await withEnv({ SECURITY_TWO_FACTOR_REQUIRED: "true" }, async () => {
      const email = uniqueEmail("everyone");
      await registerConfirmed(email);
      expect(await passwordStep(email)).toMatchObject({ state: "setup" });
    });
  });
});
