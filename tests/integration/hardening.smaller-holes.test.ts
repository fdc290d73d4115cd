// Threats closed by the hardening pass, one guarantee each: toll fraud through "text me a code",
// an inbox budget dodged by changing the address's case, a re-verification that never lets the user
// through (FRESHNESS=0) or a grace period that makes a session fresh forever, a length rule that
// names the wrong minimum, and a code that silently never leaves.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { findPendingIn } from "@/lib/security/sign-in/second-factor";
import { RATE_LIMITS } from "@/lib/security/core/rate-limit";
import { registerUser } from "@/lib/security/registration/register";
import { changePassword } from "@/lib/security/passwords/change";
import { freshness, markAuthenticated } from "@/lib/security/sessions/store";
import { sendSignInCode } from "@/lib/security/sign-in/passcode";
import { mailsTo, newCtx, STRONG_PASSWORD, uniqueEmail, withEnv } from "../support/flows";
import { passwordStep, saveMethod, uniquePhone } from "../support/two-factor";
import { sessionByHash, sessionFor, textsTo, unifiedUser } from "../support/unified";

describe("SMS budgets (toll fraud)", () => {
  it("a number gets at most SECURITY_SMS_LIMIT_PER_NUMBER texts; past it the answer is FAILED_TO_SEND_CODE and nothing is queued", async () => {
    await withEnv({ SECURITY_SMS_LIMIT_PER_NUMBER: "2/1h", SECURITY_RETURN_GENERIC_RESPONSES: "false" }, async () => {
      const u = await unifiedUser("sms-budget", ["sms"]);
      for (let i = 0; i < 2; i++) expect(await sendSignInCode({ identity: u.email, method: "sms", browserNonce: null }, newCtx())).toEqual({ ok: true });
      expect(await sendSignInCode({ identity: u.email, method: "sms", browserNonce: null }, newCtx())).toMatchObject({
        ok: false,
        code: "FAILED_TO_SEND_CODE",
      });
      expect(await textsTo(u.phone!)).toHaveLength(2);
    });
  });

  it("the global budget caps every number together", async () => {
    await withEnv({ SECURITY_SMS_LIMIT_GLOBAL: "1/1h", SECURITY_RETURN_GENERIC_RESPONSES: "false" }, async () => {
      const db = await getDb();
      await db.delete(tables.rateLimits).where(eq(tables.rateLimits.bucket, "sms:global"));
      const a = await unifiedUser("sms-global-a", ["sms"]);
      const b = await unifiedUser("sms-global-b", ["sms"]);
      expect(await sendSignInCode({ identity: a.email, method: "sms", browserNonce: null }, newCtx())).toEqual({ ok: true });
      expect(await sendSignInCode({ identity: b.email, method: "sms", browserNonce: null }, newCtx())).toMatchObject({ code: "FAILED_TO_SEND_CODE" });
      await db.delete(tables.rateLimits).where(eq(tables.rateLimits.bucket, "sms:global"));
    });
  });
});

describe("a code that cannot be sent at sign-in", () => {
  it("is recorded on the pending sign-in (the code page says so and offers another way)", async () => {
    const email = uniqueEmail("send-fail");
    const { registerConfirmed } = await import("../support/flows");
    const user = await registerConfirmed(email);
    await saveMethod(user.id, "sms", uniquePhone().e164);
    for (let i = 0; i < RATE_LIMITS.codesSentPerUser.limit; i++) await passwordStep(email);
    const pending = await passwordStep(email);
    const found = await findPendingIn(pending.pendingToken, ["ready"]);
    expect(found?.pending.deliveryError).toBe("RATE_LIMITED");
  });
});

describe("the inbox budget at registration", () => {
  it("is keyed on the normalized address: changing the case does not buy more mail", async () => {
    const email = uniqueEmail("Budget-Case");
    expect(await registerUser({ email, password: STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true });
    const variants = [email.toUpperCase(), email.toLowerCase(), ` ${email} `];
    for (let i = 0; i < RATE_LIMITS.emailsPerAddress.limit + 2; i++) {
      await registerUser({ email: variants[i % variants.length]!, password: STRONG_PASSWORD }, newCtx());
    }
    // The welcome mail plus at most the budget of "already registered" notices.
    expect((await mailsTo(email)).length).toBeLessThanOrEqual(1 + RATE_LIMITS.emailsPerAddress.limit);
  });
});

describe("freshness", () => {
  it("SECURITY_FRESHNESS=0 (always re-verify): a re-verification lets the user through to the page", async () => {
    await withEnv({ SECURITY_FRESHNESS: "0", SECURITY_FRESHNESS_GRACE_PERIOD: "0" }, async () => {
      const u = await unifiedUser("fresh-zero");
      const session = await sessionFor(u.user);
      expect(freshness(session)).toBe("stale");
      await markAuthenticated(session.tokenHash, "verify");
      expect(freshness(await sessionByHash(session.tokenHash))).toBe("grace");
    });
  });

  it("a pass on grace is not fresh by time: the grace period does not slide forward on page views", async () => {
    const stale = { authenticatedAt: new Date(Date.now() - 48 * 3600 * 1000), graceUntil: new Date(Date.now() + 60_000) };
    expect(freshness(stale)).toBe("grace");
    expect(freshness({ ...stale, graceUntil: new Date(Date.now() - 1) })).toBe("stale");
    expect(freshness({ authenticatedAt: new Date(), graceUntil: null })).toBe("fresh");
  });
});

describe("the password length rule", () => {
  it("names the configured minimum", async () => {
    await withEnv({ SECURITY_PASSWORD_LENGTH_MIN: "12" }, async () => {
      const u = await unifiedUser("length-min");
      const session = await sessionFor(u.user);
      const result = await changePassword(u.user, session, { password: STRONG_PASSWORD, newPassword: "Zq7#mK2p9xY" }, newCtx());
      expect(result).toMatchObject({
        ok: false,
        code: "PASSWORD_INVALID_LENGTH",
        params: { min: 12, max: 128 },
        fieldErrors: { newPassword: ["Password must be between 12 and 128 characters"] },
      });
    });
  });
});
