// Threat: a stolen or replayed reset link takes over an account, or a reset leaves an attacker's
// session alive. Guarantee: one use (even under a race), sessions and other links end, owner told.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { hashToken } from "@/lib/security/core/crypto";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { checkResetToken, requestPasswordReset, resetPassword } from "@/lib/security/passwords/reset";
import { registerUser } from "@/lib/security/registration/register";
import { createSession, findActiveSession } from "@/lib/security/sessions/store";
import { consumeToken, issueToken } from "@/lib/security/core/tokens";
import { deactivateUser } from "@/lib/security/accounts/activation";
import {
  expireTokenFor,
  extractLink,
  latestMail,
  mailsTo,
  newCtx,
  OTHER_STRONG_PASSWORD,
  registerConfirmed,
  STRONG_PASSWORD,
  uniqueEmail,
  userByEmail,
} from "../support/flows";

async function requestResetToken(email: string): Promise<string> {
  expect(await requestPasswordReset(email, newCtx())).toEqual({ ok: true });
  const mail = await latestMail(email);
  expect(mail?.subject).toBe("Gatehouse: Reset your password");
  return extractLink(mail?.text ?? "", "/reset-password/");
}

describe("password reset", () => {
  it("sets the new password, ends sessions and other links, and notifies the owner", async () => {
    const email = uniqueEmail();
    const user = await registerConfirmed(email);
    const session = await createSession(user, { authnVia: ["password"], remember: true, ctx: newCtx() });
    expect(await findActiveSession(session.token)).not.toBeNull();

    const older = await requestResetToken(email);
    const token = await requestResetToken(email);
    expect(token).not.toBe(older);

    expect(await resetPassword({ token, password: OTHER_STRONG_PASSWORD }, newCtx())).toEqual({ ok: true, email, userId: user.id });

    const after = await userByEmail(email);
    expect(after.uniquifier).not.toBe(user.uniquifier);
    expect(await findActiveSession(session.token)).toBeNull();
    expect(await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx())).toMatchObject({
      ok: false,
      code: "GENERIC_AUTHN_FAILED",
    });
    expect((await loginWithPassword({ identity: email, password: OTHER_STRONG_PASSWORD, remember: false }, newCtx())).ok).toBe(true);

    expect(await checkResetToken(older)).toBe("invalid");
    expect(await resetPassword({ token: older, password: "a-third-Fine-password-55" }, newCtx())).toMatchObject({
      ok: false,
      code: "INVALID_RESET_PASSWORD_TOKEN",
    });
    expect(await resetPassword({ token, password: "a-third-Fine-password-55" }, newCtx())).toMatchObject({
      ok: false,
      code: "INVALID_RESET_PASSWORD_TOKEN",
    });

    const notice = await latestMail(email);
    expect(notice?.subject).toBe("Gatehouse: Your password was reset");
    // The notice carries no usable reset link.
    expect(notice?.text).not.toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}/);
  });

  it("does not burn the link when the new password is refused", async () => {
    const email = uniqueEmail();
    await registerConfirmed(email);
    const token = await requestResetToken(email);
    const weak = await resetPassword({ token, password: "password" }, newCtx());
    expect(weak.ok).toBe(false);
    expect(weak.ok === false && weak.fieldErrors?.password?.length).toBeGreaterThan(0);
    expect(await checkResetToken(token)).toBe("valid");
    expect((await resetPassword({ token, password: OTHER_STRONG_PASSWORD }, newCtx())).ok).toBe(true);
  });

  it("refuses an expired link with PASSWORD_RESET_EXPIRED and keeps the old password", async () => {
    const email = uniqueEmail();
    const user = await registerConfirmed(email);
    const token = await requestResetToken(email);
    await expireTokenFor(user.id, "reset");
    expect(await checkResetToken(token)).toBe("expired");
    expect(await resetPassword({ token, password: OTHER_STRONG_PASSWORD }, newCtx())).toMatchObject({
      ok: false,
      code: "PASSWORD_RESET_EXPIRED",
    });
    expect((await userByEmail(email)).passwordHash).toBe(user.passwordHash);
  });

  it("lets exactly one of two concurrent submissions of one link win", async () => {
    const email = uniqueEmail();
    const user = await registerConfirmed(email);
    const token = await requestResetToken(email);
    const results = await Promise.all([
      resetPassword({ token, password: OTHER_STRONG_PASSWORD }, newCtx()),
      resetPassword({ token, password: "the-Loser-would-set-this-9" }, newCtx()),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    const loser = results.find((r) => !r.ok);
    expect(loser).toMatchObject({ ok: false, code: "INVALID_RESET_PASSWORD_TOKEN" });
    const winnerPassword = results[0]?.ok ? OTHER_STRONG_PASSWORD : "the-Loser-would-set-this-9";
    const loserPassword = results[0]?.ok ? "the-Loser-would-set-this-9" : OTHER_STRONG_PASSWORD;
    expect((await loginWithPassword({ identity: email, password: winnerPassword, remember: false }, newCtx())).ok).toBe(true);
    expect((await loginWithPassword({ identity: email, password: loserPassword, remember: false }, newCtx())).ok).toBe(false);
    expect((await mailsTo(email)).filter((m) => m.subject === "Gatehouse: Your password was reset")).toHaveLength(1);
    expect((await userByEmail(email)).uniquifier).not.toBe(user.uniquifier);
  });

  it("answers an unknown address like a known one but sends nothing", async () => {
    const nobody = uniqueEmail("nobody");
    expect(await requestPasswordReset(nobody, newCtx())).toEqual({ ok: true });
    expect(await mailsTo(nobody)).toHaveLength(0);
  });

  it("sends nothing to an unconfirmed or disabled account", async () => {
    const unconfirmed = uniqueEmail("unconfirmed");
    await registerUser({ email: unconfirmed, password: STRONG_PASSWORD }, newCtx());
    const disabled = uniqueEmail("disabled");
    await deactivateUser((await registerConfirmed(disabled)).id);
    const before = [(await mailsTo(unconfirmed)).length, (await mailsTo(disabled)).length];

    expect(await requestPasswordReset(unconfirmed, newCtx())).toEqual({ ok: true });
    expect(await requestPasswordReset(disabled, newCtx())).toEqual({ ok: true });
    expect([(await mailsTo(unconfirmed)).length, (await mailsTo(disabled)).length]).toEqual(before);
  });

  it("stores only the token's hash", async () => {
    const email = uniqueEmail();
    const user = await registerConfirmed(email);
    const token = await requestResetToken(email);
    const db = await getDb();
    const rows = await db
      .select()
      .from(tables.oneTimeTokens)
      .where(and(eq(tables.oneTimeTokens.userId, user.id), eq(tables.oneTimeTokens.purpose, "reset")));
    expect(rows).toHaveLength(1);
    expect(rows[0]?.tokenHash).toBe(hashToken(token));
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});

describe("consumeToken", () => {
  // The primitive under every emailed link: the reset flow above also re-checks the uniquifier,
  // so these pin the atomic `used_at` claim on its own.
  it("succeeds once; the second use reads as used", async () => {
    const user = await registerConfirmed(uniqueEmail());
    const { token } = await issueToken("reset", user.id, 3600, { uniquifier: user.uniquifier });
    expect(await consumeToken("reset", token)).toMatchObject({ status: "valid", userId: user.id });
    expect(await consumeToken("reset", token)).toEqual({ status: "used" });
  });

  it("lets exactly one of ten concurrent uses win", async () => {
    const user = await registerConfirmed(uniqueEmail());
    const { token } = await issueToken("confirm", user.id, 3600, { email: user.emailNormalized });
    const results = await Promise.all(Array.from({ length: 10 }, () => consumeToken("confirm", token)));
    expect(results.filter((r) => r.status === "valid")).toHaveLength(1);
    expect(results.filter((r) => r.status === "used")).toHaveLength(9);
  });

  it("does not accept a token for another purpose", async () => {
    const user = await registerConfirmed(uniqueEmail());
    const { token } = await issueToken("confirm", user.id, 3600, { email: user.emailNormalized });
    expect(await consumeToken("reset", token)).toEqual({ status: "invalid" });
    expect(await consumeToken("confirm", token)).toMatchObject({ status: "valid" });
  });
});
