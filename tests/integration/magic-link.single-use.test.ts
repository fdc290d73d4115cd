// Threat: an emailed sign-in link is replayed, raced, opened by whoever intercepted it in another
// browser, or outlives a password reset. Guarantee: one use, in the asking browser, for the current account state.
import { describe, expect, it } from "vitest";
import { RATE_LIMITS } from "@/lib/security/core/rate-limit";
import { verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { startCodeSetup } from "@/lib/security/codes/setup";
import { redeemMagicLink, requestMagicLink } from "@/lib/security/sign-in/magic-link";
import { sendSignInCode } from "@/lib/security/sign-in/passcode";
import { deactivateUser } from "@/lib/security/accounts/activation";
import { setUniquifier } from "@/lib/security/accounts/users";
import { newCtx, uniqueEmail, withEnv } from "../support/flows";
import { codeAt, eventsOf, saveMethod, sessionCount } from "../support/two-factor";
import {
  expireToken,
  freshUser,
  latestCodeMail,
  latestLinkToken,
  magicTokensOf,
  mailsWithSubject,
  passwordlessUser,
  pendingLoginsOf,
  sessionOf,
  sessionsOf,
  SUBJECTS,
  unifiedUser,
} from "../support/unified";

const NONCE = "browser-that-asked";

async function linkFor(email: string, browserNonce: string | null = NONCE): Promise<string> {
  expect(await requestMagicLink({ email, browserNonce }, newCtx())).toEqual({ ok: true });
  return latestLinkToken(email);
}

const redeem = (token: string, browserNonce: string | null = NONCE) => redeemMagicLink({ token, browserNonce }, newCtx());

describe("requesting a link", () => {
  it("emails a 'Login instructions' link valid for a day and records login_instructions_sent", async () => {
    const u = await unifiedUser("ml-request");
    const token = await linkFor(u.email);
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const [row] = await magicTokensOf(u.user.id);
    expect(row?.payload).toMatchObject({ kind: "passwordless", uniquifier: u.user.uniquifier });
    const ttl = (row!.expiresAt.getTime() - Date.now()) / 1000;
    expect(ttl).toBeGreaterThan(86_400 - 60);
    expect(ttl).toBeLessThanOrEqual(86_400);
    expect(await eventsOf(u.user.id, "login_instructions_sent")).toHaveLength(1);
  });

  it("answers the same for unknown and disabled addresses, and mails nobody", async () => {
    const disabled = await unifiedUser("ml-disabled");
    await deactivateUser(disabled.user.id);
    const unknown = uniqueEmail("ml-unknown");
    for (const email of [unknown, disabled.email, "not-an-email", "nul\u0000@example.com", `${"a".repeat(100_000)}@example.com`]) {
      expect(await requestMagicLink({ email, browserNonce: NONCE }, newCtx())).toEqual({ ok: true });
    }
    expect(await mailsWithSubject(unknown, SUBJECTS.link)).toHaveLength(0);
    expect(await mailsWithSubject(disabled.email, SUBJECTS.link)).toHaveLength(0);
    expect(await magicTokensOf(disabled.user.id)).toHaveLength(0);
  });

  it("with generic responses off, an unknown address is USER_DOES_NOT_EXIST; with SECURITY_PASSWORDLESS=false there are no links", async () => {
    await withEnv({ SECURITY_RETURN_GENERIC_RESPONSES: "false" }, async () => {
      expect(await requestMagicLink({ email: uniqueEmail("ml-nobody"), browserNonce: null }, newCtx())).toMatchObject({
        ok: false,
        code: "USER_DOES_NOT_EXIST",
      });
    });
    const u = await unifiedUser("ml-off");
    await withEnv({ SECURITY_PASSWORDLESS: "false" }, async () => {
      expect(await requestMagicLink({ email: u.email, browserNonce: null }, newCtx())).toEqual({ ok: false, code: "API_ERROR" });
    });
    expect(await mailsWithSubject(u.email, SUBJECTS.link)).toHaveLength(0);
  });

  it(`an address gets at most ${RATE_LIMITS.emailsPerAddress.limit} links an hour; more look the same and send nothing`, async () => {
    const u = await unifiedUser("ml-flood");
    for (let i = 0; i < RATE_LIMITS.emailsPerAddress.limit + 2; i++) {
      expect(await requestMagicLink({ email: u.email, browserNonce: NONCE }, newCtx())).toEqual({ ok: true });
    }
    expect(await mailsWithSubject(u.email, SUBJECTS.link)).toHaveLength(RATE_LIMITS.emailsPerAddress.limit);
  });
});

describe("opening a link", () => {
  it("signs in as an email first factor (authn_via magic-link), once; a second use is INVALID_LOGIN_TOKEN", async () => {
    const u = await unifiedUser("ml-once");
    const token = await linkFor(u.email);
    const first = await redeem(token);
    expect(first).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
    if (first.ok) expect((await sessionOf(first.outcome)).authnVia).toEqual(["magic-link"]);
    expect(await redeem(token)).toEqual({ ok: false, code: "INVALID_LOGIN_TOKEN" });
    expect(await sessionCount(u.user.id)).toBe(1);
    expect((await magicTokensOf(u.user.id))[0]?.usedAt).not.toBeNull();
  });

  it("two-factor still applies: a pending login (authn_via magic-link), no session until the second factor", async () => {
    const u = await unifiedUser("ml-2fa");
    const tfSecret = await saveMethod(u.user.id, "authenticator");
    const result = await redeem(await linkFor(u.email));
    expect(result).toMatchObject({ ok: true, outcome: { status: "second-factor", state: "ready", method: "authenticator" } });
    expect(await sessionCount(u.user.id)).toBe(0);
    expect((await pendingLoginsOf(u.user.id)).map((p) => p.authnVia)).toEqual([["magic-link"]]);
    if (!result.ok || result.outcome.status !== "second-factor") return;
    expect(await verifySecondFactor(result.outcome.pendingToken, await codeAt(tfSecret), newCtx())).toMatchObject({ ok: true });
    expect((await sessionsOf(u.user.id)).map((s) => s.authnVia)).toEqual([["magic-link", "authenticator"]]);
  });

  it("three concurrent opens: exactly one signs in", async () => {
    const u = await unifiedUser("ml-race");
    const token = await linkFor(u.email);
    const results = await Promise.all([redeem(token), redeem(token), redeem(token)]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["INVALID_LOGIN_TOKEN", "INVALID_LOGIN_TOKEN"]);
    expect(await sessionCount(u.user.id)).toBe(1);
  });

  it("garbage and other purposes' tokens are INVALID_LOGIN_TOKEN", async () => {
    const u = await unifiedUser("ml-garbage");
    const setup = await startCodeSetup("sign-in", u.user, { method: "authenticator" }, newCtx());
    if (!setup.ok) throw new Error(setup.code);
    for (const token of ["", "x", "A".repeat(43), "\u0000".repeat(43), "a".repeat(1_000_000), setup.setupToken]) {
      expect(await redeem(token)).toEqual({ ok: false, code: "INVALID_LOGIN_TOKEN" });
    }
    expect(await sessionCount(u.user.id)).toBe(0);
  });
});

describe("bound to the browser that asked (SECURITY_MAGIC_LINK_SAME_BROWSER, default on)", () => {
  it("another or no browser nonce is LOGIN_OTHER_BROWSER and does not use the link up; the right browser then signs in", async () => {
    const u = await unifiedUser("ml-browser");
    const token = await linkFor(u.email);
    expect(await redeem(token, "some-other-browser")).toEqual({ ok: false, code: "LOGIN_OTHER_BROWSER" });
    expect(await redeem(token, null)).toEqual({ ok: false, code: "LOGIN_OTHER_BROWSER" });
    expect(await redeem(token, "")).toEqual({ ok: false, code: "LOGIN_OTHER_BROWSER" });
    expect((await magicTokensOf(u.user.id))[0]?.usedAt).toBeNull();
    expect(await sessionCount(u.user.id)).toBe(0);
    expect(await redeem(token, NONCE)).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
  });

  it("the link beside an emailed sign-in code is bound the same way", async () => {
    const u = await unifiedUser("ml-code-link", ["email"]);
    expect(await sendSignInCode({ identity: u.email, method: "email", browserNonce: NONCE }, newCtx())).toEqual({ ok: true });
    const { token } = await latestCodeMail(u.email);
    expect(await redeem(token!, "elsewhere")).toEqual({ ok: false, code: "LOGIN_OTHER_BROWSER" });
    const opened = await redeem(token!, NONCE);
    expect(opened).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
    if (opened.ok) expect((await sessionOf(opened.outcome)).authnVia).toEqual(["magic-link"]);
  });

  it("with SECURITY_MAGIC_LINK_SAME_BROWSER=false any browser can open it (still once)", async () => {
    await withEnv({ SECURITY_MAGIC_LINK_SAME_BROWSER: "false" }, async () => {
      const u = await unifiedUser("ml-any-browser");
      const token = await linkFor(u.email);
      expect(await redeem(token, "a-different-browser")).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
      expect(await redeem(token, NONCE)).toEqual({ ok: false, code: "INVALID_LOGIN_TOKEN" });
      const second = await linkFor(u.email);
      expect(await redeem(second, null)).toMatchObject({ ok: true });
    });
  });
});

describe("expiry and account changes", () => {
  it("an expired link is LOGIN_EXPIRED and a fresh link is emailed, which works in the browser that opened the old one", async () => {
    const u = await unifiedUser("ml-expired");
    const token = await linkFor(u.email);
    await expireToken(token);
    expect(await redeem(token)).toEqual({ ok: false, code: "LOGIN_EXPIRED" });
    expect(await sessionCount(u.user.id)).toBe(0);
    const mails = await mailsWithSubject(u.email, SUBJECTS.link);
    expect(mails).toHaveLength(2);
    const fresh = await latestLinkToken(u.email);
    expect(fresh).not.toBe(token);
    expect(await redeem(token)).toEqual({ ok: false, code: "LOGIN_EXPIRED" });
    expect(await redeem(fresh)).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
  });

  // Threat: the fresh link sent for an expired one was bound to no browser, undoing
  // SECURITY_MAGIC_LINK_SAME_BROWSER for whoever opens it. It is bound to the opener, or not sent.
  it("the fresh link is bound to the browser that opened the expired one; opened with no binding at all, none is sent", async () => {
    const u = await unifiedUser("ml-expired-bound");
    const token = await linkFor(u.email);
    await expireToken(token);
    const opener = "o".repeat(43);
    expect(await redeemMagicLink({ token, browserNonce: opener }, newCtx())).toEqual({ ok: false, code: "LOGIN_EXPIRED" });
    const fresh = await latestLinkToken(u.email);
    expect(await redeemMagicLink({ token: fresh, browserNonce: NONCE }, newCtx())).toEqual({ ok: false, code: "LOGIN_OTHER_BROWSER" });
    expect(await redeemMagicLink({ token: fresh, browserNonce: opener }, newCtx())).toMatchObject({ ok: true });

    const second = await linkFor(u.email);
    await expireToken(second);
    const count = (await mailsWithSubject(u.email, SUBJECTS.link)).length;
    expect(await redeemMagicLink({ token: second, browserNonce: null }, newCtx())).toEqual({ ok: false, code: "LOGIN_EXPIRED" });
    expect(await mailsWithSubject(u.email, SUBJECTS.link)).toHaveLength(count);
  });

  it("an expired code link (120 s) also sends a fresh sign-in link", async () => {
    const u = await unifiedUser("ml-code-expired", ["email"]);
    await sendSignInCode({ identity: u.email, method: "email", browserNonce: NONCE }, newCtx());
    const { token } = await latestCodeMail(u.email);
    await expireToken(token!);
    expect(await redeem(token!)).toEqual({ ok: false, code: "LOGIN_EXPIRED" });
    expect(await redeem(await latestLinkToken(u.email))).toMatchObject({ ok: true });
  });

  it("a password reset (uniquifier rotation) voids outstanding links", async () => {
    const u = await unifiedUser("ml-rotated");
    const token = await linkFor(u.email);
    await setUniquifier(u.user.id);
    expect(await redeem(token)).toEqual({ ok: false, code: "INVALID_LOGIN_TOKEN" });
    expect(await sessionCount(u.user.id)).toBe(0);
    expect(await pendingLoginsOf(u.user.id)).toEqual([]);
  });

  it("an account disabled after the link was sent is not signed in", async () => {
    const u = await unifiedUser("ml-disabled-later");
    const token = await linkFor(u.email);
    // Deactivation rotates the uniquifier, so the links it had are dead even after reactivation.
    await deactivateUser(u.user.id);
    expect(await redeem(token)).toEqual({ ok: false, code: "INVALID_LOGIN_TOKEN" });
    expect(await sessionCount(u.user.id)).toBe(0);
  });

  it("opening the link confirms an unconfirmed address (user_confirmed, via sign-in link)", async () => {
    const u = await passwordlessUser("ml-unconfirmed", ["email"], false);
    expect((await freshUser(u.user.id)).confirmedAt).toBeNull();
    const result = await redeem(await linkFor(u.email));
    expect(result).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
    expect((await freshUser(u.user.id)).confirmedAt).toBeInstanceOf(Date);
    expect((await eventsOf(u.user.id, "user_confirmed")).map((e) => e.data)).toEqual([{ via: "sign-in link" }]);
  });

  it("a link refused for another browser does not confirm the address", async () => {
    const u = await passwordlessUser("ml-unconfirmed-other", ["email"], false);
    expect(await redeem(await linkFor(u.email), "intercepting-browser")).toEqual({ ok: false, code: "LOGIN_OTHER_BROWSER" });
    expect((await freshUser(u.user.id)).confirmedAt).toBeNull();
  });
});
