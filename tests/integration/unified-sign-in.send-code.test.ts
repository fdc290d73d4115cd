// Threat: "email/text me a code" is used to learn which identities have accounts, to flood an
// inbox or SMS bill, or to crash the server with odd input. Guarantee: one answer, bounded sends, no throw.
import { describe, expect, it } from "vitest";
import { hashToken } from "@/lib/security/core/crypto";
import { RATE_LIMITS } from "@/lib/security/core/rate-limit";
import { deactivateUser } from "@/lib/security/accounts/activation";
import { findUserForSignIn, sendSignInCode, signInWithPasscode } from "@/lib/security/sign-in/passcode";
import { mailsTo, newCtx, uniqueEmail, withEnv } from "../support/flows";
import { eventsOf, uniquePhone } from "../support/two-factor";
import { latestCodeMail, magicTokensOf, mailsWithSubject, MAGIC_PATH, methodRow, phoneFormats, SUBJECTS, textsTo, unifiedUser } from "../support/unified";

const send = (identity: string, method: string, ctx = newCtx(), browserNonce: string | null = null) => sendSignInCode({ identity, method, browserNonce }, ctx);

describe("email code", () => {
  it("emails the code and a /login/magic/<token> link bound to the asking browser; the code signs in", async () => {
    const u = await unifiedUser("send-email", ["email"]);
    expect(await send(u.email, "email", newCtx(), "browser-nonce-1")).toEqual({ ok: true });

    const mails = await mailsWithSubject(u.email, SUBJECTS.code);
    expect(mails).toHaveLength(1);
    const { code, token, text } = await latestCodeMail(u.email);
    expect(text).toContain(MAGIC_PATH);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const [link] = await magicTokensOf(u.user.id);
    expect(link?.tokenHash).toBe(hashToken(token!));
    expect(link?.payload).toMatchObject({ kind: "code", uniquifier: u.user.uniquifier, browser: hashToken("browser-nonce-1") });
    // The link lives as long as the code (120 s), not a day.
    const ttl = (link!.expiresAt.getTime() - Date.now()) / 1000;
    expect(ttl).toBeGreaterThan(100);
    expect(ttl).toBeLessThanOrEqual(121);

    const events = await eventsOf(u.user.id, "us_security_token_sent");
    expect(events.map((e) => e.data)).toEqual([{ method: "email", link: true }]);
    // Sending does not spend the code.
    expect((await methodRow(u.user.id, "email"))?.lastTimeStep).toBe(0);

    expect(await signInWithPasscode({ identity: u.email, passcode: code, remember: false }, newCtx())).toMatchObject({ ok: true, via: ["email"] });
  });

  it("a second code asked right after a sign-in is a new one that still works (not the step just spent)", async () => {
    const u = await unifiedUser("send-again", ["email"]);
    await send(u.email, "email");
    const first = (await latestCodeMail(u.email)).code;
    expect(await signInWithPasscode({ identity: u.email, passcode: first, remember: false }, newCtx())).toMatchObject({ ok: true });
    await send(u.email, "email");
    const second = (await latestCodeMail(u.email)).code;
    expect(second).not.toBe(first);
    expect(await signInWithPasscode({ identity: u.email, passcode: second, remember: false }, newCtx())).toMatchObject({ ok: true, via: ["email"] });
  });
});

describe("SMS code", () => {
  it("texts the code (outbox kind sms), sends no email, and the code signs in by phone", async () => {
    const u = await unifiedUser("send-sms", ["sms"]);
    const before = (await mailsTo(u.email)).length;
    expect(await send(u.phone!, "sms")).toEqual({ ok: true });
    const texts = await textsTo(u.phone!);
    expect(texts).toHaveLength(1);
    expect(texts[0]?.kind).toBe("sms");
    const code = /Use this code to sign in to .*: (\d{6})$/.exec(texts[0]?.text ?? "")?.[1];
    expect(code).toMatch(/^\d{6}$/);
    expect(await mailsTo(u.email)).toHaveLength(before);
    expect((await eventsOf(u.user.id, "us_security_token_sent")).map((e) => e.data)).toEqual([{ method: "sms", link: false }]);
    expect(await signInWithPasscode({ identity: phoneFormats(u.phone!).national, passcode: code!, remember: false }, newCtx())).toMatchObject({
      ok: true,
      via: ["sms"],
    });
  });
});

describe("phone identities in any common format", () => {
  it('"+1 415 …", "(415) …-…" (default region US) and E.164 find the same account', async () => {
    const u = await unifiedUser("send-phone", ["sms"]);
    const formats = phoneFormats(u.phone!);
    for (const typed of [formats.spaced, formats.national, formats.compact, `  ${formats.compact}  `]) {
      expect((await findUserForSignIn(typed))?.id).toBe(u.user.id);
      expect(await send(typed, "sms")).toEqual({ ok: true });
    }
    expect(await textsTo(u.phone!)).toHaveLength(4);
  });

  it("a national number is read in SECURITY_PHONE_REGION_DEFAULT: in GB the US national form is not this account", async () => {
    const u = await unifiedUser("send-region", ["sms"]);
    await withEnv({ SECURITY_PHONE_REGION_DEFAULT: "GB" }, async () => {
      expect(await findUserForSignIn(phoneFormats(u.phone!).national)).toBeNull();
      expect((await findUserForSignIn(phoneFormats(u.phone!).spaced))?.id).toBe(u.user.id);
    });
  });

  it("a phone that is not anyone's sign-in phone finds nobody", async () => {
    expect(await findUserForSignIn(uniquePhone().typed)).toBeNull();
    expect(await findUserForSignIn("12345")).toBeNull();
  });
});

describe("generic responses (default on)", () => {
  it("unknown identity, method not set up, disabled account and a real one get the same answer; only the real one gets mail", async () => {
    const real = await unifiedUser("send-real", ["email", "sms"]);
    const noMethod = await unifiedUser("send-nomethod", []);
    const noSms = await unifiedUser("send-nosms", ["email"]);
    const disabled = await unifiedUser("send-disabled", ["email"]);
    await deactivateUser(disabled.user.id);
    const unknown = uniqueEmail("send-unknown");

    const results = [
      await send(unknown, "email"),
      await send(uniquePhone().typed, "sms"),
      await send(noMethod.email, "email"),
      await send(noSms.email, "sms"),
      await send(disabled.email, "email"),
      await send(real.email, "email"),
      await send(real.email, "sms"),
    ];
    for (const r of results) expect(r).toEqual({ ok: true });

    expect(await mailsWithSubject(unknown, SUBJECTS.code)).toHaveLength(0);
    expect(await mailsWithSubject(noMethod.email, SUBJECTS.code)).toHaveLength(0);
    expect(await mailsWithSubject(noSms.email, SUBJECTS.code)).toHaveLength(0);
    expect(await mailsWithSubject(disabled.email, SUBJECTS.code)).toHaveLength(0);
    expect(await magicTokensOf(disabled.user.id)).toHaveLength(0);
    expect(await mailsWithSubject(real.email, SUBJECTS.code)).toHaveLength(1);
    expect(await textsTo(real.phone!)).toHaveLength(1);
  });

  it("with SECURITY_RETURN_GENERIC_RESPONSES=false the errors are explicit", async () => {
    await withEnv({ SECURITY_RETURN_GENERIC_RESPONSES: "false" }, async () => {
      const u = await unifiedUser("send-explicit", ["email"]);
      expect(await send(uniqueEmail("send-nobody"), "email")).toMatchObject({
        ok: false,
        code: "USER_DOES_NOT_EXIST",
        fieldErrors: { identity: [expect.any(String)] },
      });
      expect(await send(u.email, "sms")).toMatchObject({ ok: false, code: "US_METHOD_NOT_AVAILABLE", fieldErrors: { identity: [expect.any(String)] } });
      expect(await send(u.email, "email")).toEqual({ ok: true });
    });
  });

  it("methods that cannot be sent, or are switched off, are US_METHOD_NOT_AVAILABLE", async () => {
    const u = await unifiedUser("send-unavailable", ["email", "authenticator"]);
    for (const method of ["authenticator", "password", "", "EMAIL", "email\u0000"]) {
      expect(await send(u.email, method)).toEqual({ ok: false, code: "US_METHOD_NOT_AVAILABLE" });
    }
    await withEnv({ SECURITY_US_ENABLED_METHODS: "password,authenticator" }, async () => {
      expect(await send(u.email, "email")).toEqual({ ok: false, code: "US_METHOD_NOT_AVAILABLE" });
    });
    expect(await mailsWithSubject(u.email, SUBJECTS.code)).toHaveLength(0);
  });
});

describe("send budgets", () => {
  it(`one IP gets ${RATE_LIMITS.signInCodesPerIp.limit} sends per window, whatever the identities`, async () => {
    const ctx = newCtx();
    for (let i = 0; i < RATE_LIMITS.signInCodesPerIp.limit; i++) {
      expect(await send(uniqueEmail("send-ip"), "email", ctx)).toEqual({ ok: true });
    }
    const u = await unifiedUser("send-ip-real", ["email"]);
    expect(await send(u.email, "email", ctx)).toMatchObject({ ok: false, code: "RATE_LIMITED", retryAfter: expect.any(Number) });
    expect(await mailsWithSubject(u.email, SUBJECTS.code)).toHaveLength(0);
    // Another IP is not affected.
    expect(await send(u.email, "email")).toEqual({ ok: true });
  });

  it(`one account gets ${RATE_LIMITS.codesSentPerUser.limit} codes per window from any IPs; more look the same (generic) but send nothing`, async () => {
    const u = await unifiedUser("send-user", ["email", "sms"]);
    const limit = RATE_LIMITS.codesSentPerUser.limit;
    for (let i = 0; i < limit; i++) expect(await send(u.email, i % 2 ? "sms" : "email")).toEqual({ ok: true });
    const emailsBefore = (await mailsWithSubject(u.email, SUBJECTS.code)).length;
    const textsBefore = (await textsTo(u.phone!)).length;
    expect(emailsBefore + textsBefore).toBe(limit);

    expect(await send(u.email, "email")).toEqual({ ok: true });
    expect(await send(u.phone!, "sms")).toEqual({ ok: true });
    expect(await mailsWithSubject(u.email, SUBJECTS.code)).toHaveLength(emailsBefore);
    expect(await textsTo(u.phone!)).toHaveLength(textsBefore);
    expect(await eventsOf(u.user.id, "us_security_token_sent")).toHaveLength(limit);
  });

  it("with generic responses off, the per-account send limit is RATE_LIMITED", async () => {
    await withEnv({ SECURITY_RETURN_GENERIC_RESPONSES: "false" }, async () => {
      const u = await unifiedUser("send-user-explicit", ["email"]);
      for (let i = 0; i < RATE_LIMITS.codesSentPerUser.limit; i++) expect(await send(u.email, "email")).toEqual({ ok: true });
      expect(await send(u.email, "email")).toMatchObject({ ok: false, code: "RATE_LIMITED", retryAfter: expect.any(Number) });
    });
  });
});

describe("hostile identities", () => {
  const hostile = [
    "a".repeat(1_000_000),
    `${"a".repeat(100_000)}@example.com`,
    "\u0000",
    "user\u0000@example.com",
    "+1 415\u0000 555 0123",
    "\uD800",
    "\uD800@example.com",
    "🙂".repeat(10_000),
    "\u202Eadmin@example.com",
    "٤١٥٥٥٥٠١٢٣",
    "+".repeat(32),
    "(((((())))))",
    "\u00A0\u2028\uFEFF",
    "' OR 1=1 --",
    "%00%27",
  ];

  it("never throw from lookup, send or sign-in (usernames off and on)", async () => {
    for (const usernames of ["false", "true"]) {
      await withEnv({ SECURITY_USERNAME_ENABLE: usernames }, async () => {
        for (const identity of hostile) {
          await expect(findUserForSignIn(identity)).resolves.toBeNull();
          await expect(send(identity, "email")).resolves.toEqual({ ok: true });
          await expect(send(identity, "sms")).resolves.toEqual({ ok: true });
          const signIn = await signInWithPasscode({ identity, passcode: "123456", remember: false }, newCtx());
          expect(["GENERIC_AUTHN_FAILED", "US_SPECIFY_IDENTITY"]).toContain(signIn.ok ? "ok" : signIn.code);
        }
      });
    }
  });
});
