// Threat (account pre-hijacking): an attacker registers the victim's address first, signs in
// before it is confirmed and adds a passkey, a sign-in method or two-factor; later the owner
// "recovers" the account and the attacker keeps a way in. Guarantee: the owner's reset removes every
// factor set up before the address was confirmed, ends every session, confirms the address, and the
// notice lists what was removed; the "already registered" email never confirms the other password.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { resetPassword } from "@/lib/security/passwords/reset";
import { generateRecoveryCodes } from "@/lib/security/recovery-codes/store";
import { registerUser } from "@/lib/security/registration/register";
import { createSession } from "@/lib/security/sessions/store";
import { addMethod } from "../support/unified";
import { extractLink, latestMail, mailsTo, newCtx, OTHER_STRONG_PASSWORD, STRONG_PASSWORD, uniqueEmail, userByEmail, withEnv } from "../support/flows";
import { addPasskey, passkeysOf, reload } from "../support/passkeys";
import { saveMethod, sessionCount, twoFactorRow } from "../support/two-factor";
import { SoftwareAuthenticator } from "../support/webauthn-authenticator";

const UNCONFIRMED_SIGN_IN = { SECURITY_LOGIN_WITHOUT_CONFIRMATION: "true" };

describe("an account registered by someone else before its owner", () => {
  it("the owner's registration attempt mails a take-over link, never a confirmation link; using it removes the other registrant's factors", async () => {
    await withEnv(UNCONFIRMED_SIGN_IN, async () => {
      const email = uniqueEmail("prehijack");
      // The attacker registers the address, signs in unconfirmed and adds factors of their own.
      expect(await registerUser({ email, password: STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true });
      const attacker = await userByEmail(email);
      expect(attacker.confirmedAt).toBeNull();
      const { token } = await createSession(attacker, { authnVia: ["password"], remember: true, ctx: newCtx() });
      await addPasskey({ email, token, ...(await reload(token)) }, new SoftwareAuthenticator(), { name: "Attacker laptop", usage: "first" });
      await addMethod(attacker.id, "authenticator");
      await saveMethod(attacker.id, "authenticator");
      await generateRecoveryCodes(attacker.id, newCtx());

      // The owner tries to register their own address: the same answer as a new account.
      const before = (await mailsTo(email)).length;
      expect(await registerUser({ email, password: OTHER_STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true, status: "confirm-sent" });
      const mails = await mailsTo(email);
      expect(mails.length).toBe(before + 1);
      const notice = mails[0]!;
      expect(notice.text).not.toContain("/confirm/");
      const takeOver = extractLink(notice.text, "/reset-password/");

      expect(await resetPassword({ token: takeOver, password: OTHER_STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true });
      const owner = await userByEmail(email);
      expect(owner.confirmedAt).toBeInstanceOf(Date);
      expect(await passkeysOf(owner.id)).toEqual([]);
      expect(await twoFactorRow(owner.id)).toBeUndefined();
      const db = await getDb();
      expect(await db.select().from(tables.signInMethods).where(eq(tables.signInMethods.userId, owner.id))).toEqual([]);
      expect(await db.select().from(tables.recoveryCodes).where(eq(tables.recoveryCodes.userId, owner.id))).toEqual([]);
      expect(await sessionCount(owner.id)).toBe(0);

      const resetNotice = await latestMail(email);
      expect(resetNotice?.subject).toBe("Gatehouse: Your password was reset");
      expect(resetNotice?.text).toContain('the passkey "Attacker laptop"');
      expect(resetNotice?.text).toContain("two-factor authentication by an authenticator app");
      expect(resetNotice?.text).toContain("recovery codes");
      // The attacker's password is gone with the rest.
      expect(await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, newCtx())).toMatchObject({ ok: false });
    });
  });

  it("factors added after the address was confirmed stay", async () => {
    const email = uniqueEmail("prehijack-after");
    expect(await registerUser({ email, password: STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true });
    const db = await getDb();
    const user = await userByEmail(email);
    await db
      .update(tables.users)
      .set({ confirmedAt: new Date(Date.now() - 60_000) })
      .where(eq(tables.users.id, user.id));
    await saveMethod(user.id, "authenticator");
    const { token } = await createSession(user, { authnVia: ["password"], remember: false, ctx: newCtx() });
    await addPasskey({ email, token, ...(await reload(token)) }, new SoftwareAuthenticator(), { name: "Mine", usage: "first" });

    const { requestPasswordReset } = await import("@/lib/security/passwords/reset");
    await requestPasswordReset(email, newCtx());
    const link = extractLink((await latestMail(email))!.text, "/reset-password/");
    expect(await resetPassword({ token: link, password: OTHER_STRONG_PASSWORD }, newCtx())).toMatchObject({ ok: true });
    expect(await passkeysOf(user.id)).toHaveLength(1);
    expect(await twoFactorRow(user.id)).toBeDefined();
    expect((await latestMail(email))?.text).not.toContain("were removed");
  });
});
