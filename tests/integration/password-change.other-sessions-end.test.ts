// Threat: someone who stole a session or a reset link keeps access after the owner changes the
// password. Guarantee: the change ends every other session and link; this browser stays in.
import { and, eq, isNull } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { changePassword } from "@/lib/security/passwords/change";
import { checkResetToken, requestPasswordReset, resetPassword } from "@/lib/security/passwords/reset";
import { createSession, findActiveSession, type ActiveSession } from "@/lib/security/sessions/store";
import { extractLink, latestMail, newCtx, OTHER_STRONG_PASSWORD, registerConfirmed, STRONG_PASSWORD, uniqueEmail, userByEmail } from "../support/flows";

async function signedIn(email: string): Promise<{ token: string; active: ActiveSession }> {
  const login = await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx());
  if (!login.ok) throw new Error(login.code);
  if (login.outcome.status !== "signed-in") throw new Error("expected no second factor");
  const active = await findActiveSession(login.outcome.session.token);
  if (!active) throw new Error("fresh session not found");
  return { token: login.outcome.session.token, active };
}

describe("changePassword", () => {
  it("refuses a wrong current password and changes nothing", async () => {
    const email = uniqueEmail();
    await registerConfirmed(email);
    const { token, active } = await signedIn(email);
    const result = await changePassword(active.user, active.session, { password: "not-my-password-at-all", newPassword: OTHER_STRONG_PASSWORD }, newCtx());
    expect(result).toMatchObject({ ok: false, code: "INVALID_PASSWORD" });
    expect((await userByEmail(email)).passwordHash).toBe(active.user.passwordHash);
    expect(await findActiveSession(token)).not.toBeNull();
  });

  it("refuses the same password", async () => {
    const email = uniqueEmail();
    await registerConfirmed(email);
    const { active } = await signedIn(email);
    expect(await changePassword(active.user, active.session, { password: STRONG_PASSWORD, newPassword: STRONG_PASSWORD }, newCtx())).toMatchObject({
      ok: false,
      code: "PASSWORD_IS_THE_SAME",
    });
  });

  it("refuses a weak new password on the newPassword field", async () => {
    const email = uniqueEmail();
    await registerConfirmed(email);
    const { active } = await signedIn(email);
    const result = await changePassword(active.user, active.session, { password: STRONG_PASSWORD, newPassword: "password1" }, newCtx());
    expect(result.ok).toBe(false);
    expect(result.ok === false && result.fieldErrors?.newPassword?.length).toBeGreaterThan(0);
  });

  it("ends the old token, other sessions and reset links; the re-issued token works", async () => {
    const email = uniqueEmail();
    const user = await registerConfirmed(email);
    const { token: current, active } = await signedIn(email);
    const other = await createSession(user, { authnVia: ["password"], remember: true, ctx: newCtx() });
    expect(await findActiveSession(other.token)).not.toBeNull();
    expect(await requestPasswordReset(email, newCtx())).toEqual({ ok: true });
    const resetToken = extractLink((await latestMail(email))?.text ?? "", "/reset-password/");

    const result = await changePassword(active.user, active.session, { password: STRONG_PASSWORD, newPassword: OTHER_STRONG_PASSWORD }, newCtx());
    expect(result.ok).toBe(true);
    if (!result.ok) return;

    expect(result.session.token).not.toBe(current);
    expect(await findActiveSession(current)).toBeNull();
    expect(await findActiveSession(other.token)).toBeNull();
    const reissued = await findActiveSession(result.session.token);
    expect(reissued?.user.id).toBe(user.id);
    // Re-issuing keeps the session's freshness: the user just proved the password.
    expect(reissued?.session.authenticatedAt.getTime()).toBe(active.session.authenticatedAt.getTime());

    const db = await getDb();
    const liveResetTokens = await db
      .select()
      .from(tables.oneTimeTokens)
      .where(and(eq(tables.oneTimeTokens.userId, user.id), eq(tables.oneTimeTokens.purpose, "reset"), isNull(tables.oneTimeTokens.usedAt)));
    expect(liveResetTokens).toHaveLength(0);
    expect(await checkResetToken(resetToken)).toBe("invalid");
    expect(await resetPassword({ token: resetToken, password: "attacker-Chosen-password-1" }, newCtx())).toMatchObject({
      ok: false,
      code: "INVALID_RESET_PASSWORD_TOKEN",
    });

    const notice = await latestMail(email);
    expect(notice?.subject).toBe("Gatehouse: Your password was changed");

    expect((await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx())).ok).toBe(false);
    expect((await loginWithPassword({ identity: email, password: OTHER_STRONG_PASSWORD, remember: false }, newCtx())).ok).toBe(true);
  });
});
