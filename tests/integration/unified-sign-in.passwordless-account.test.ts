// Threat: an account with no password is left with no way in, or with a way in that skips proof
// (empty password, stale session treated as fresh). Guarantee: emailed codes sign in and re-verify; nothing else does.
import { describe, expect, it } from "vitest";
import { confirmEmail } from "@/lib/security/accounts/confirmation";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { RATE_LIMITS } from "@/lib/security/core/rate-limit";
import { reauthenticateWithPassword, reauthenticateWithPasscode, sendReauthenticationCode } from "@/lib/security/re-verify/reauthenticate";
import { registerUser } from "@/lib/security/registration/register";
import { isFresh } from "@/lib/security/sessions/store";
import { sendSignInCode, signInWithPasscode } from "@/lib/security/sign-in/passcode";
import { extractLink, latestMail, newCtx, STRONG_PASSWORD, uniqueEmail, userByEmail, withEnv } from "../support/flows";
import { codeAt, eventsOf, wrongCode } from "../support/two-factor";
import { latestCodeMail, methodsOf, passwordlessUser, sessionByHash as sessionRow, sessionFor, sessionOf } from "../support/unified";

const PASSWORDLESS = { SECURITY_PASSWORD_REQUIRED: "false" };
const TWO_DAYS = 2 * 24 * 3600;

describe("registration without a password (SECURITY_PASSWORD_REQUIRED=false)", () => {
  it("creates a user with no password hash and an email sign-in method; after confirming, an emailed code signs in", async () => {
    await withEnv(PASSWORDLESS, async () => {
      const email = uniqueEmail("pl-register");
      expect(await registerUser({ email }, newCtx())).toEqual({ ok: true, status: "confirm-sent", email });
      const user = await userByEmail(email);
      expect(user.passwordHash).toBeNull();
      expect(await methodsOf(user.id)).toEqual(["email"]);
      expect(await eventsOf(user.id, "user_registered")).toHaveLength(1);

      const welcome = await latestMail(email);
      expect(await confirmEmail(extractLink(welcome?.text ?? "", "/confirm/"), newCtx())).toMatchObject({ ok: true });

      expect(await sendSignInCode({ identity: email, method: "email", browserNonce: null }, newCtx())).toEqual({ ok: true });
      const { code } = await latestCodeMail(email);
      const signedIn = await signInWithPasscode({ identity: email, passcode: code, remember: false }, newCtx());
      expect(signedIn).toMatchObject({ ok: true, via: ["email"], outcome: { status: "signed-in" } });
      if (signedIn.ok) expect((await sessionOf(signedIn.outcome)).authnVia).toEqual(["email"]);
    });
  });

  it("an empty password counts as none", async () => {
    await withEnv(PASSWORDLESS, async () => {
      const email = uniqueEmail("pl-empty");
      expect(await registerUser({ email, password: "" }, newCtx())).toMatchObject({ ok: true, status: "confirm-sent" });
      expect((await userByEmail(email)).passwordHash).toBeNull();
    });
  });

  it("a password given anyway is checked by the policy and saved; no email method is added", async () => {
    await withEnv(PASSWORDLESS, async () => {
      const weak = uniqueEmail("pl-weak");
      expect(await registerUser({ email: weak, password: "short" }, newCtx())).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { password: [expect.any(String)] },
      });
      const email = uniqueEmail("pl-with-password");
      expect(await registerUser({ email, password: STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true });
      const user = await userByEmail(email);
      expect(user.passwordHash).not.toBeNull();
      expect(await methodsOf(user.id)).toEqual([]);
    });
  });

  it("by default (password required) a missing password is refused and no user is created", async () => {
    const email = uniqueEmail("pl-required");
    expect(await registerUser({ email }, newCtx())).toMatchObject({ ok: false, code: "INVALID_INPUT", fieldErrors: { password: [expect.any(String)] } });
    await expect(userByEmail(email)).rejects.toThrow(/no user/);
  });

  it("the password form does not sign a password-less account in, whatever is typed", async () => {
    const u = await passwordlessUser("pl-password-form");
    for (const password of ["", "null", STRONG_PASSWORD]) {
      expect(await loginWithPassword({ identity: u.email, password, remember: false }, newCtx())).toEqual({ ok: false, code: "GENERIC_AUTHN_FAILED" });
    }
  });
});

describe("re-verification by code", () => {
  it("an emailed code (no sign-in link) makes a stale session fresh and records reauthenticated", async () => {
    const u = await passwordlessUser("pl-reauth");
    const session = await sessionFor(u.user, TWO_DAYS);
    expect(isFresh(session)).toBe(false);

    expect(await sendReauthenticationCode(u.user, "email", newCtx())).toEqual({ ok: true });
    const mail = await latestCodeMail(u.email);
    expect(mail.token).toBeNull();

    expect(await reauthenticateWithPasscode(u.user, session, mail.code, newCtx())).toEqual({ ok: true });
    const row = await sessionRow(session.tokenHash);
    expect(Date.now() - row.authenticatedAt.getTime()).toBeLessThan(60_000);
    expect(isFresh(row)).toBe(true);
    expect(row.authnVia).toEqual(["email"]);
    expect((await eventsOf(u.user.id, "reauthenticated")).map((e) => e.data)).toEqual([{ method: "email" }]);
  });

  it("a wrong or replayed code leaves freshness unchanged and is logged as a failed verification", async () => {
    const u = await passwordlessUser("pl-reauth-wrong", ["email", "authenticator"]);
    const session = await sessionFor(u.user, TWO_DAYS);
    const code = await codeAt(u.secrets.authenticator!);
    expect(await reauthenticateWithPasscode(u.user, session, wrongCode(code), newCtx())).toMatchObject({
      ok: false,
      code: "INVALID_PASSWORD_CODE",
      fieldErrors: { code: [expect.any(String)] },
    });
    expect((await sessionRow(session.tokenHash)).authenticatedAt.getTime()).toBe(session.authenticatedAt.getTime());
    expect(await eventsOf(u.user.id, "reauthenticated")).toHaveLength(0);
    expect((await eventsOf(u.user.id, "user_failed_authn")).map((e) => e.data)).toEqual([{ authType: "passcode", during: "verify" }]);

    // An authenticator code re-verifies too (recorded as such), once.
    expect(await reauthenticateWithPasscode(u.user, session, code, newCtx())).toEqual({ ok: true });
    expect((await sessionRow(session.tokenHash)).authnVia).toEqual(["email", "authenticator"]);
    const other = await sessionFor(u.user, TWO_DAYS);
    expect(await reauthenticateWithPasscode(u.user, other, code, newCtx())).toMatchObject({ ok: false, code: "INVALID_PASSWORD_CODE" });
    expect(isFresh(await sessionRow(other.tokenHash))).toBe(false);
  });

  it("codes can only be sent for a set-up email or SMS method", async () => {
    const u = await passwordlessUser("pl-reauth-methods", ["email", "authenticator"]);
    expect(await sendReauthenticationCode(u.user, "sms", newCtx())).toEqual({ ok: false, code: "US_METHOD_NOT_AVAILABLE" });
    expect(await sendReauthenticationCode(u.user, "authenticator", newCtx())).toEqual({ ok: false, code: "US_METHOD_NOT_AVAILABLE" });
    expect(await sendReauthenticationCode(u.user, "password", newCtx())).toEqual({ ok: false, code: "US_METHOD_NOT_AVAILABLE" });
  });

  it("a password-less account cannot re-verify by password", async () => {
    const u = await passwordlessUser("pl-reauth-password");
    const session = await sessionFor(u.user, TWO_DAYS);
    for (const password of ["", STRONG_PASSWORD]) {
      expect(await reauthenticateWithPassword(u.user, session, password, newCtx())).toMatchObject({ ok: false, code: "INVALID_PASSWORD" });
    }
    expect(isFresh(await sessionRow(session.tokenHash))).toBe(false);
  });

  it(`re-verification attempts are capped at ${RATE_LIMITS.verifyPerUser.limit} per user: then even the right code is RATE_LIMITED`, async () => {
    const u = await passwordlessUser("pl-reauth-limit", ["authenticator"]);
    const session = await sessionFor(u.user, TWO_DAYS);
    for (let i = 0; i < RATE_LIMITS.verifyPerUser.limit; i++) {
      expect(await reauthenticateWithPasscode(u.user, session, String(100000 + i), newCtx())).toMatchObject({ ok: false, code: "INVALID_PASSWORD_CODE" });
    }
    expect(await reauthenticateWithPasscode(u.user, session, await codeAt(u.secrets.authenticator!), newCtx())).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
    });
    expect(isFresh(await sessionRow(session.tokenHash))).toBe(false);
  });
});
