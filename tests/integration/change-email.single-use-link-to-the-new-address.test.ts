// Threat: a stolen session moves the account to an attacker's inbox unseen, a replayed or raced link
// changes it twice, or two accounts end up sharing one address. Guarantee: the new address proves
// itself once, the old one is told and can cancel, and the unique index gives one winner, never a 500.
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { cancelEmailChange, checkEmailChangeToken, confirmEmailChange, requestEmailChange } from "@/lib/security/lifecycle/change-email";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { requestPasswordReset, resetPassword } from "@/lib/security/passwords/reset";
import {
  extractLink,
  latestMail,
  mailsTo,
  newCtx,
  OTHER_STRONG_PASSWORD,
  registerConfirmed,
  STRONG_PASSWORD,
  uniqueEmail,
  userByEmail,
  withEnv,
} from "../support/flows";

const CHANGE = "/change-email/";
const CANCEL = "/change-email/cancel/";

async function askFor(oldEmail: string, newEmail: string): Promise<{ change: string; cancel: string }> {
  const user = await userByEmail(oldEmail);
  expect(await requestEmailChange(user, newEmail, newCtx())).toEqual({ ok: true, email: newEmail });
  const toNew = await latestMail(newEmail);
  expect(toNew?.subject).toBe("Gatehouse: Confirm your new email address");
  const toOld = await latestMail(oldEmail);
  expect(toOld?.subject).toBe("Gatehouse: Someone asked to change your email address");
  expect(toOld?.text).toContain(newEmail);
  expect(toOld?.text).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}/);
  return { change: extractLink(toNew?.text ?? "", CHANGE), cancel: extractLink(toOld?.text ?? "", CANCEL) };
}

const signsIn = async (identity: string, password = STRONG_PASSWORD): Promise<boolean> =>
  (await loginWithPassword({ identity, password, remember: false }, newCtx())).ok;

async function unusedLinks(userId: string, purpose: "confirm" | "reset" | "change-email"): Promise<number> {
  const db = await getDb();
  const rows = await db
    .select()
    .from(tables.oneTimeTokens)
    .where(and(eq(tables.oneTimeTokens.userId, userId), eq(tables.oneTimeTokens.purpose, purpose), isNull(tables.oneTimeTokens.usedAt)));
  return rows.length;
}

describe("change email", () => {
  it("changes nothing until the new address's link is used, then changes once and tells the old address", async () => {
    const oldEmail = uniqueEmail("old");
    const newEmail = uniqueEmail("new");
    const user = await registerConfirmed(oldEmail);
    const { change } = await askFor(oldEmail, newEmail);

    expect((await userByEmail(oldEmail)).id).toBe(user.id);
    expect(await signsIn(oldEmail)).toBe(true);
    expect(await signsIn(newEmail)).toBe(false);
    expect(await checkEmailChangeToken(change)).toEqual({ state: "valid", newEmail });

    expect(await confirmEmailChange(change, newCtx())).toEqual({ ok: true, userId: user.id, email: newEmail });
    const after = await userByEmail(newEmail);
    expect(after.id).toBe(user.id);
    expect(after.confirmedAt).not.toBeNull();
    // Nothing else rotates: the uniquifier (sessions) stays.
    expect(after.uniquifier).toBe(user.uniquifier);
    expect(await signsIn(newEmail)).toBe(true);
    expect(await signsIn(oldEmail)).toBe(false);
    expect((await latestMail(oldEmail))?.subject).toBe("Gatehouse: Your email address was changed");

    expect(await confirmEmailChange(change, newCtx())).toMatchObject({ ok: false, code: "INVALID_CHANGE_EMAIL_TOKEN" });
    expect(await checkEmailChangeToken(change)).toEqual({ state: "invalid" });
  });

  it("works once when the link is used twice at the same moment", async () => {
    const oldEmail = uniqueEmail("old");
    const newEmail = uniqueEmail("new");
    await registerConfirmed(oldEmail);
    const { change } = await askFor(oldEmail, newEmail);
    const results = await Promise.all([confirmEmailChange(change, newCtx()), confirmEmailChange(change, newCtx())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ code: "INVALID_CHANGE_EMAIL_TOKEN" });
    expect((await mailsTo(oldEmail)).filter((m) => m.subject === "Gatehouse: Your email address was changed")).toHaveLength(1);
  });

  it("gives an address two accounts race for to exactly one of them; the other hears EMAIL_ALREADY_ASSOCIATED", async () => {
    const target = uniqueEmail("contested");
    const [a, b] = [uniqueEmail("a"), uniqueEmail("b")];
    await registerConfirmed(a);
    await registerConfirmed(b);
    const linkA = (await askFor(a, target)).change;
    const linkB = extractLink((await askForSecond(b, target)) ?? "", CHANGE);
    const results = await Promise.all([confirmEmailChange(linkA, newCtx()), confirmEmailChange(linkB, newCtx())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "EMAIL_ALREADY_ASSOCIATED" });
    const db = await getDb();
    const holders = await db.select().from(tables.users).where(eq(tables.users.emailNormalized, target));
    expect(holders).toHaveLength(1);
  });

  it("refuses a link whose address was taken since the request", async () => {
    const oldEmail = uniqueEmail("old");
    const target = uniqueEmail("taken-later");
    const user = await registerConfirmed(oldEmail);
    const { change } = await askFor(oldEmail, target);
    await registerConfirmed(target);
    expect(await confirmEmailChange(change, newCtx())).toMatchObject({ ok: false, code: "EMAIL_ALREADY_ASSOCIATED" });
    expect((await userByEmail(oldEmail)).id).toBe(user.id);
  });

  it("answers a taken address like a free one under generic responses and sends nothing; says so when they are off", async () => {
    const oldEmail = uniqueEmail("old");
    const taken = uniqueEmail("taken");
    const user = await registerConfirmed(oldEmail);
    await registerConfirmed(taken);
    const [beforeOld, beforeTaken] = [(await mailsTo(oldEmail)).length, (await mailsTo(taken)).length];
    expect(await requestEmailChange(user, taken, newCtx())).toEqual({ ok: true, email: taken });
    expect([(await mailsTo(oldEmail)).length, (await mailsTo(taken)).length]).toEqual([beforeOld, beforeTaken]);

    const refused = await withEnv({ SECURITY_RETURN_GENERIC_RESPONSES: "false" }, () => requestEmailChange(user, taken, newCtx()));
    expect(refused).toMatchObject({ ok: false, code: "EMAIL_ALREADY_ASSOCIATED" });
  });

  it("lets the old address cancel the change; the new address's link then does nothing", async () => {
    const oldEmail = uniqueEmail("old");
    const newEmail = uniqueEmail("new");
    await registerConfirmed(oldEmail);
    const { change, cancel } = await askFor(oldEmail, newEmail);
    expect(await cancelEmailChange(cancel, newCtx())).toEqual({ ok: true, cancelled: true });
    expect(await cancelEmailChange(cancel, newCtx())).toMatchObject({ ok: false, code: "INVALID_CHANGE_EMAIL_TOKEN" });
    expect(await confirmEmailChange(change, newCtx())).toMatchObject({ ok: false, code: "INVALID_CHANGE_EMAIL_TOKEN" });
    expect(await signsIn(oldEmail)).toBe(true);
  });

  it("ends the old address's pending confirm and reset links, and a newer request ends the older link", async () => {
    const oldEmail = uniqueEmail("old");
    const user = await registerConfirmed(oldEmail);
    expect(await requestPasswordReset(oldEmail, newCtx())).toEqual({ ok: true });
    const resetLink = extractLink((await latestMail(oldEmail))?.text ?? "", "/reset-password/");
    const first = await askFor(oldEmail, uniqueEmail("first"));
    const secondEmail = uniqueEmail("second");
    const second = await askFor(oldEmail, secondEmail);
    expect(await confirmEmailChange(first.change, newCtx())).toMatchObject({ ok: false, code: "INVALID_CHANGE_EMAIL_TOKEN" });
    expect(await confirmEmailChange(second.change, newCtx())).toMatchObject({ ok: true, email: secondEmail });
    expect(await unusedLinks(user.id, "reset")).toBe(0);
    expect(await unusedLinks(user.id, "confirm")).toBe(0);
    expect(await resetPassword({ token: resetLink, password: OTHER_STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: false });
  });

  it("lets a password reset (the owner taking the account back) end a pending change", async () => {
    const oldEmail = uniqueEmail("old");
    await registerConfirmed(oldEmail);
    const { change } = await askFor(oldEmail, uniqueEmail("attacker"));
    expect(await requestPasswordReset(oldEmail, newCtx())).toEqual({ ok: true });
    const reset = extractLink((await latestMail(oldEmail))?.text ?? "", "/reset-password/");
    expect((await resetPassword({ token: reset, password: OTHER_STRONG_PASSWORD }, newCtx())).ok).toBe(true);
    expect(await confirmEmailChange(change, newCtx())).toMatchObject({ ok: false, code: "INVALID_CHANGE_EMAIL_TOKEN" });
  });

  it("refuses an expired link with CHANGE_EMAIL_EXPIRED and its lifetime", async () => {
    const oldEmail = uniqueEmail("old");
    const user = await registerConfirmed(oldEmail);
    const { change } = await askFor(oldEmail, uniqueEmail("late"));
    const db = await getDb();
    await db
      .update(tables.oneTimeTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(tables.oneTimeTokens.userId, user.id), eq(tables.oneTimeTokens.purpose, "change-email")));
    expect(await checkEmailChangeToken(change)).toEqual({ state: "expired" });
    expect(await confirmEmailChange(change, newCtx())).toMatchObject({ ok: false, code: "CHANGE_EMAIL_EXPIRED", params: { within: "2 hours" } });
    expect((await userByEmail(oldEmail)).id).toBe(user.id);
  });

  it("refuses hostile input with a clear code and stores nothing", async () => {
    const oldEmail = uniqueEmail("old");
    const user = await registerConfirmed(oldEmail);
    for (const bad of ["", "not-an-address", "a\u0000b@example.com", `${"x".repeat(300)}@example.com`, "x@\u202eexample.com"]) {
      expect(await requestEmailChange(user, bad, newCtx())).toMatchObject({ ok: false });
    }
    expect(await requestEmailChange(user, oldEmail.toUpperCase(), newCtx())).toMatchObject({ ok: false, code: "EMAIL_IS_THE_SAME" });
    for (const token of ["", "x", "a".repeat(43), "../../etc/passwd", "\u0000".repeat(43)]) {
      expect(await confirmEmailChange(token, newCtx())).toMatchObject({ ok: false, code: "INVALID_CHANGE_EMAIL_TOKEN" });
      expect(await cancelEmailChange(token, newCtx())).toMatchObject({ ok: false, code: "INVALID_CHANGE_EMAIL_TOKEN" });
    }
    expect(await unusedLinks(user.id, "change-email")).toBe(0);
  });
});

/** A second account's request for an address another request already names (both are pending). */
async function askForSecond(email: string, target: string): Promise<string | undefined> {
  const user = await userByEmail(email);
  expect(await requestEmailChange(user, target, newCtx())).toEqual({ ok: true, email: target });
  return (await latestMail(target))?.text;
}
