// Threat: a guesser tries second-factor codes (or sign-in codes) forever, or uses the lock to learn
// which identities have accounts, or locks a stranger out for good. Guarantee: every wrong code
// counts toward one lock at 100, unknown identities lock after the same number of tries with the
// same answer, and the owner gets a single-use unlock link.
import { describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { unlockAccount } from "@/lib/security/accounts/lockout";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { MAX_CONSECUTIVE_FAILURES } from "@/lib/security/core/rate-limit";
import { PENDING_MAX_FAILURES } from "@/lib/security/sign-in/second-factor";
import { verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { signInWithPasscode } from "@/lib/security/sign-in/passcode";
import { findUserById } from "@/lib/security/accounts/users";
import { extractLink, latestMail, mailsTo, newCtx, registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnv } from "../support/flows";
import { codeAt, eventsOf, passwordStep, saveMethod, sessionCount, wrongCode } from "../support/two-factor";

// The lock is not a rate limit: it holds with the temporary budgets switched off, which lets the
// test reach 100 failures quickly.
const NO_BUDGETS = { SECURITY_RATE_LIMIT_ENABLED: "false" };

async function failures(userId: string): Promise<number> {
  return (await findUserById(userId))?.failedLoginCount ?? -1;
}

describe("the consecutive-failure lock", () => {
  it("wrong second-factor codes count toward it; a pending sign-in dies after 5 of them", async () => {
    await withEnv(NO_BUDGETS, async () => {
      const email = uniqueEmail("lock-codes");
      const user = await registerConfirmed(email);
      const secret = await saveMethod(user.id, "authenticator");
      const bad = wrongCode(await codeAt(secret));
      const { pendingToken } = await passwordStep(email);
      for (let i = 1; i < PENDING_MAX_FAILURES; i++) {
        expect(await verifySecondFactor(pendingToken, bad, newCtx())).toMatchObject({ code: "TWO_FACTOR_INVALID_TOKEN" });
      }
      expect(await verifySecondFactor(pendingToken, bad, newCtx())).toMatchObject({ code: "TWO_FACTOR_ATTEMPTS_EXCEEDED" });
      // Dead: even the right code is refused now.
      expect(await verifySecondFactor(pendingToken, await codeAt(secret), newCtx())).toMatchObject({ code: "TWO_FACTOR_PERMISSION_DENIED" });
      expect(await failures(user.id)).toBe(PENDING_MAX_FAILURES);
    });
  });

  it("closes at 100 for a real account: ACCOUNT_LOCKED even with the right password, and the owner is emailed an unlock link", async () => {
    await withEnv(NO_BUDGETS, async () => {
      const email = uniqueEmail("lock-known");
      const user = await registerConfirmed(email);
      const db = await getDb();
      await db
        .update(tables.users)
        .set({ failedLoginCount: MAX_CONSECUTIVE_FAILURES - 1 })
        .where(eq(tables.users.id, user.id));
      expect(await loginWithPassword({ identity: email, password: "wrong password entirely", remember: false }, newCtx())).toMatchObject({
        code: "GENERIC_AUTHN_FAILED",
      });
      expect(await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx())).toMatchObject({ code: "ACCOUNT_LOCKED" });
      expect(await eventsOf(user.id, "account_locked")).toHaveLength(1);
      const mail = await latestMail(email);
      expect(mail?.subject).toBe("Gatehouse: Your account is locked");
      const token = extractLink(mail!.text, "/unlock/");

      // More failures neither send more mail nor move the counter past the ceiling.
      const sent = (await mailsTo(email)).length;
      await loginWithPassword({ identity: email, password: "wrong password entirely", remember: false }, newCtx());
      expect((await mailsTo(email)).length).toBe(sent);
      expect(await failures(user.id)).toBe(MAX_CONSECUTIVE_FAILURES);

      expect(await unlockAccount(token, newCtx())).toEqual({ ok: true });
      expect(await unlockAccount(token, newCtx())).toMatchObject({ ok: false, code: "INVALID_UNLOCK_TOKEN" });
      expect(await failures(user.id)).toBe(0);
      expect(await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx())).toMatchObject({ ok: true });
      expect(await eventsOf(user.id, "account_unlocked")).toHaveLength(1);
    });
  });

  it("an identity with no account locks after the same number of tries, with the same answer", async () => {
    await withEnv(NO_BUDGETS, async () => {
      const known = uniqueEmail("lock-alike-known");
      const user = await registerConfirmed(known);
      const unknown = uniqueEmail("lock-alike-unknown");
      const db = await getDb();
      await db
        .update(tables.users)
        .set({ failedLoginCount: MAX_CONSECUTIVE_FAILURES - 3 })
        .where(eq(tables.users.id, user.id));
      const answers = async (identity: string, tries: number) => {
        const seen: string[] = [];
        for (let i = 0; i < tries; i++) {
          const r = await loginWithPassword({ identity, password: "wrong password entirely", remember: false }, newCtx());
          seen.push(r.ok ? "ok" : r.code);
        }
        return seen;
      };
      // Spend 97 on the unknown identity first, as the known one already has.
      await answers(unknown, MAX_CONSECUTIVE_FAILURES - 3);
      expect(await answers(known, 4)).toEqual(await answers(unknown, 4));
      expect(await answers(unknown, 1)).toEqual(["ACCOUNT_LOCKED"]);
      // Unified sign-in codes count the same way and see the same lock.
      expect(await signInWithPasscode({ identity: known, passcode: "123456", remember: false }, newCtx())).toMatchObject({ code: "ACCOUNT_LOCKED" });
      expect(await signInWithPasscode({ identity: unknown, passcode: "123456", remember: false }, newCtx())).toMatchObject({ code: "ACCOUNT_LOCKED" });
    });
  });

  it("a right code used twice at once is no guess: the loser is not counted and costs the account no failure", async () => {
    const email = uniqueEmail("lock-race");
    const user = await registerConfirmed(email);
    const secret = await saveMethod(user.id, "authenticator");
    // Two browsers, each with its own pending sign-in, type the same code at the same moment.
    const [a, b] = [await passwordStep(email), await passwordStep(email)];
    const code = await codeAt(secret);
    const results = await Promise.all([verifySecondFactor(a.pendingToken, code, newCtx()), verifySecondFactor(b.pendingToken, code, newCtx())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok).map((r) => !r.ok && r.code)).toEqual(["TWO_FACTOR_CODE_USED"]);
    expect(await failures(user.id)).toBe(0);
    expect(await eventsOf(user.id, "user_failed_authn")).toHaveLength(0);
    expect(await sessionCount(user.id)).toBe(1);
  });
});
