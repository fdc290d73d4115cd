// Threat: whoever controls the inbox alone (a magic link, an emailed code, or a password reset by
// email) finishes two-factor with an emailed rescue code or an email two-factor method. Guarantee:
// no sign-in completes with both factors from one channel; what is left is offered instead.
import { describe, expect, it } from "vitest";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { requestPasswordReset, resetPassword } from "@/lib/security/passwords/reset";
import { generateRecoveryCodes } from "@/lib/security/recovery-codes/store";
import { secondFactorOptions, findPendingIn } from "@/lib/security/sign-in/second-factor";
import {
  chooseSecondFactor,
  rescueByEmail,
  resendSecondFactorCode,
  signInWithRecoveryCode,
  verifySecondFactor,
} from "@/lib/security/sign-in/second-factor-steps";
import { startSetupFromLogin } from "@/lib/security/sign-in/second-factor-setup";
import { redeemMagicLink, requestMagicLink } from "@/lib/security/sign-in/magic-link";
import { signInWithPasscode } from "@/lib/security/sign-in/passcode";
import { addRoleToUser } from "@/lib/security/accounts/user-roles";
import { findUserById } from "@/lib/security/accounts/users";
import { beginPasskeySecondFactor, beginPasskeySignIn, finishPasskeySignIn } from "@/lib/security/sign-in/passkey";
import { addPasskey, rpOrigin, signedInUser } from "../support/passkeys";
import { SoftwareAuthenticator } from "../support/webauthn-authenticator";
import { extractLink, latestMail, newCtx, OTHER_STRONG_PASSWORD, withEnv } from "../support/flows";
import { codeAt, latestEmailedCode, savedSecret, saveMethod, sessionCount } from "../support/two-factor";
import { latestLinkToken, passwordlessUser, sessionsOf, unifiedUser } from "../support/unified";
import { startCodeSetup } from "@/lib/security/codes/setup";

const NONCE = "n".repeat(43);

/** Opens an emailed sign-in link for the user in the browser that asked; returns the outcome. */
async function magicLinkSignIn(email: string) {
  expect(await requestMagicLink({ email, browserNonce: NONCE }, newCtx())).toEqual({ ok: true });
  const result = await redeemMagicLink({ token: await latestLinkToken(email), browserNonce: NONCE }, newCtx());
  if (!result.ok) throw new Error(result.code);
  return result;
}

function pendingToken(result: Awaited<ReturnType<typeof magicLinkSignIn>>): string {
  if (result.outcome.status !== "second-factor") throw new Error("expected a second step");
  return result.outcome.pendingToken;
}

describe("after an emailed first factor", () => {
  it("an email two-factor method is refused: nothing usable, the emailed code does not finish the sign-in", async () => {
    const u = await unifiedUser("ch-link-email");
    await saveMethod(u.user.id, "email");
    const result = await magicLinkSignIn(u.email);
    expect(result.outcome).toMatchObject({ status: "second-factor", state: "select", method: null });
    const token = pendingToken(result);
    const found = await findPendingIn(token, ["select"]);
    expect(await secondFactorOptions(found!)).toMatchObject({ usable: [], sameChannel: ["email"], rescueByEmail: false });
    // Even a right code of the email method (e.g. from an earlier mail) is refused, and none is sent.
    expect(await chooseSecondFactor(token, "email", newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_METHOD_NOT_AVAILABLE" });
    expect(await resendSecondFactorCode(token, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_PERMISSION_DENIED" });
    expect(await verifySecondFactor(token, await codeAt(await savedSecret(u.user.id)), newCtx())).toMatchObject({ ok: false });
    expect(await rescueByEmail(token, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_SAME_CHANNEL" });
    expect(await sessionCount(u.user.id)).toBe(0);
  });

  it("an emailed rescue code is refused, an authenticator finishes it: authn_via magic-link + authenticator", async () => {
    const u = await unifiedUser("ch-link-app");
    const secret = await saveMethod(u.user.id, "authenticator");
    const token = pendingToken(await magicLinkSignIn(u.email));
    expect(await rescueByEmail(token, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_SAME_CHANNEL" });
    expect(await verifySecondFactor(token, await codeAt(secret), newCtx())).toMatchObject({ ok: true });
    expect((await sessionsOf(u.user.id)).map((s) => s.authnVia)).toEqual([["magic-link", "authenticator"]]);
  });

  it("a recovery code still finishes it (its own channel)", async () => {
    const u = await unifiedUser("ch-link-recovery");
    await saveMethod(u.user.id, "email");
    const [code] = await generateRecoveryCodes(u.user.id, newCtx());
    const token = pendingToken(await magicLinkSignIn(u.email));
    expect(await signInWithRecoveryCode(token, code!, newCtx())).toMatchObject({ ok: true });
    expect((await sessionsOf(u.user.id)).map((s) => s.authnVia)).toEqual([["magic-link", "recovery-code"]]);
  });

  it("an emailed unified sign-in code is the email channel too", async () => {
    const u = await unifiedUser("ch-code-email", ["email"]);
    await saveMethod(u.user.id, "email");
    const result = await signInWithPasscode({ identity: u.email, passcode: await codeAt(u.secrets.email!), remember: false }, newCtx());
    expect(result).toMatchObject({ ok: true, via: ["email"], outcome: { status: "second-factor", state: "select", method: null } });
  });

  it("with a password first factor the same email method is fine (the password is not the inbox)", async () => {
    const u = await unifiedUser("ch-password-email");
    await saveMethod(u.user.id, "email");
    const result = await loginWithPassword({ identity: u.email, password: "correct horse battery staple 42", remember: false }, newCtx());
    if (!result.ok || result.outcome.status !== "second-factor") throw new Error("expected a second step");
    expect(result.outcome).toMatchObject({ state: "ready", method: "email" });
    expect(await verifySecondFactor(result.outcome.pendingToken, await latestEmailedCode(u.email), newCtx())).toMatchObject({ ok: true });
  });

  it("a required set-up after a link does not offer email as the second factor", async () => {
    const u = await unifiedUser("ch-setup");
    await addRoleToUser(u.user.id, "needs-2fa");
    await withEnv({ SECURITY_TWO_FACTOR_REQUIRED_ROLES: "needs-2fa" }, async () => {
      const result = await magicLinkSignIn(u.email);
      expect(result.outcome).toMatchObject({ status: "second-factor", state: "setup" });
      const token = pendingToken(result);
      expect(await startSetupFromLogin(token, { method: "email" }, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_SAME_CHANNEL" });
      expect(await startSetupFromLogin(token, { method: "authenticator" }, newCtx())).toMatchObject({ ok: true });
    });
  });
});

describe("an account that signs in only by email", () => {
  it("cannot take email codes as its second step (they could never finish a sign-in); another channel is fine", async () => {
    const u = await passwordlessUser("ch-email-only", ["email"]);
    expect(await startCodeSetup("two-factor", u.user, { method: "email" }, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_EMAIL_ONLY_ACCOUNT" });
    expect(await startCodeSetup("two-factor", u.user, { method: "authenticator" }, newCtx())).toMatchObject({ ok: true });
    const withPhone = await passwordlessUser("ch-email-and-sms", ["email", "sms"]);
    expect(await startCodeSetup("two-factor", withPhone.user, { method: "email" }, newCtx())).toMatchObject({ ok: true });
  });
});

describe("a password chosen through an emailed reset link", () => {
  async function resetBy(email: string): Promise<void> {
    expect(await requestPasswordReset(email, newCtx())).toEqual({ ok: true });
    const token = extractLink((await latestMail(email))!.text, "/reset-password/");
    expect(await resetPassword({ token, password: OTHER_STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true });
  }

  it("counts as the email channel until an independent second factor vouches for it", async () => {
    const u = await unifiedUser("ch-reset");
    const [recovery] = await generateRecoveryCodes(u.user.id, newCtx());
    await saveMethod(u.user.id, "email");
    await resetBy(u.email);
    expect((await findUserById(u.user.id))?.passwordFromReset).toBe(true);

    const first = await loginWithPassword({ identity: u.email, password: OTHER_STRONG_PASSWORD, remember: false }, newCtx());
    expect(first).toMatchObject({ ok: true, via: ["reset-password"], outcome: { status: "second-factor", state: "select", method: null } });
    if (!first.ok || first.outcome.status !== "second-factor") return;
    expect(await rescueByEmail(first.outcome.pendingToken, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_SAME_CHANNEL" });
    expect(await signInWithRecoveryCode(first.outcome.pendingToken, recovery!, newCtx())).toMatchObject({ ok: true });
    expect((await sessionsOf(u.user.id)).map((s) => s.authnVia)).toEqual([["reset-password", "recovery-code"]]);

    // Vouched for: the next password sign-in is an ordinary one and the email method works again.
    expect((await findUserById(u.user.id))?.passwordFromReset).toBe(false);
    const second = await loginWithPassword({ identity: u.email, password: OTHER_STRONG_PASSWORD, remember: false }, newCtx());
    expect(second).toMatchObject({ ok: true, via: ["password"], outcome: { status: "second-factor", state: "ready", method: "email" } });
  });

  it("through the unified box too", async () => {
    const u = await unifiedUser("ch-reset-unified");
    await saveMethod(u.user.id, "email");
    await resetBy(u.email);
    const result = await signInWithPasscode({ identity: u.email, passcode: OTHER_STRONG_PASSWORD, remember: false }, newCtx());
    expect(result).toMatchObject({ ok: true, via: ["reset-password"], outcome: { state: "select" } });
  });
});

describe("a passkey without user verification", () => {
  it("cannot be followed by a second-factor passkey, only by another kind of factor", async () => {
    const who = await signedInUser("ch-passkey");
    const phone = new SoftwareAuthenticator();
    const key = new SoftwareAuthenticator();
    await addPasskey(who, phone, { name: "Phone", usage: "first" });
    await addPasskey(who, key, { name: "Key", usage: "secondary" });
    const started = await beginPasskeySignIn(newCtx());
    if (!started.ok) throw new Error(started.code);
    const credential = phone.getAssertion(started.options, { origin: rpOrigin(), userVerified: false });
    const result = await finishPasskeySignIn({ state: started.state, credential, remember: false, next: null }, newCtx());
    expect(result).toMatchObject({ ok: true, via: ["passkey"], outcome: { status: "second-factor", state: "select", method: null } });
    if (!result.ok || result.outcome.status !== "second-factor") return;
    expect(await beginPasskeySecondFactor(result.outcome.pendingToken)).toMatchObject({ ok: false, code: "TWO_FACTOR_PERMISSION_DENIED" });
    const found = await findPendingIn(result.outcome.pendingToken, ["select"]);
    expect(await secondFactorOptions(found!)).toMatchObject({ usable: [], sameChannel: ["passkey"] });
  });
});
