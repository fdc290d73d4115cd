// Threat: after a suspected compromise an administrator's reset leaves something the attacker can
// still use (a session, a token, a second factor, a passkey, a recovery code, a sign-in link), or an
// admin-set password leaves old sessions alive, skips the policy, or is changed without telling the owner.
// Guarantee: resetUserAccess removes every way in but the password; adminChangePassword ends every session.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { findUserById } from "@/lib/security/accounts/users";
import { getHmac } from "@/lib/security/core/hmac";
import { resetUserAccess } from "@/lib/security/lifecycle/reset-access";
import { webauthnReset } from "@/lib/security/passkeys/manage";
import { adminChangePassword } from "@/lib/security/passwords/admin-change";
import { generateRecoveryCodes } from "@/lib/security/recovery-codes/store";
import { setTokenUniquifier } from "@/lib/security/sessions/auth-tokens";
import { issueToken, peekToken } from "@/lib/security/core/tokens";
import { account, eventData, signedIn, stillWorks } from "../support/datastore";
import { latestMail, newCtx, OTHER_STRONG_PASSWORD, STRONG_PASSWORD, withEnv } from "../support/flows";
import { saveMethod } from "../support/two-factor";
import { addMethod } from "../support/unified";
import { loginWithPassword } from "@/lib/security/sign-in/password";

async function addPasskeyRow(userId: string, name: string): Promise<void> {
  const db = await getDb();
  await db
    .insert(tables.webauthnCredentials)
    .values({ userId, credentialId: crypto.randomUUID(), publicKey: "pQECAyYgASFYIA", usage: "first", name, deviceType: "multiDevice" });
}

async function factorRows(userId: string): Promise<Record<string, number>> {
  const db = await getDb();
  const count = async (table: typeof tables.twoFactor | typeof tables.signInMethods | typeof tables.webauthnCredentials | typeof tables.recoveryCodes) =>
    (await db.select().from(table).where(eq(table.userId, userId))).length;
  return {
    twoFactor: await count(tables.twoFactor),
    signInMethods: await count(tables.signInMethods),
    passkeys: await count(tables.webauthnCredentials),
    recoveryCodes: await count(tables.recoveryCodes),
  };
}

describe("resetUserAccess", () => {
  it("ends sessions and tokens and removes two-factor, sign-in methods, passkeys, recovery codes and sign-in links; the password stays", async () => {
    const admin = await account("reset-admin");
    const user = await account("reset");
    const held = await signedIn(user);
    await saveMethod(user.id, "authenticator");
    await addMethod(user.id, "email");
    await addPasskeyRow(user.id, "Laptop");
    await generateRecoveryCodes(user.id, newCtx());
    const link = await issueToken("magic", user.id, 600);
    expect(await factorRows(user.id)).toMatchObject({ twoFactor: 1, signInMethods: 1, passkeys: 1 });
    expect((await factorRows(user.id)).recoveryCodes).toBeGreaterThan(0);
    const before = await findUserById(user.id);

    expect(await resetUserAccess(user.id, { actorId: admin.id })).toEqual({ ok: true, twoFactor: 1, signInMethods: 1, passkeys: 1 });
    expect(await factorRows(user.id)).toEqual({ twoFactor: 0, signInMethods: 0, passkeys: 0, recoveryCodes: 0 });
    expect(await stillWorks(held)).toEqual({ session: false, token: false });
    expect((await peekToken("magic", link.token)).status).toBe("used");
    const after = await findUserById(user.id);
    expect(after?.uniquifier).not.toBe(before?.uniquifier);
    expect(after?.tokenUniquifier).not.toBe(before?.tokenUniquifier);
    expect(after?.passwordHash).toBe(before?.passwordHash);
    expect(await eventData(user.id, "access_reset")).toEqual([{ twoFactor: 1, signInMethods: 1, passkeys: 1, by: admin.id }]);
    expect(await eventData(admin.id, "admin_action")).toEqual([{ action: "access_reset", userId: user.id, twoFactor: 1, signInMethods: 1, passkeys: 1 }]);
    expect(await resetUserAccess(crypto.randomUUID())).toMatchObject({ ok: false, code: "USER_DOES_NOT_EXIST" });
  });
});

describe("webauthnReset and setTokenUniquifier", () => {
  it("webauthnReset deletes every passkey of the user and no one else's", async () => {
    const user = await account("wan");
    const other = await account("wan-other");
    await addPasskeyRow(user.id, "Phone");
    await addPasskeyRow(user.id, "Key");
    await addPasskeyRow(other.id, "Phone");
    expect(await webauthnReset(user.id)).toEqual({ ok: true, removed: 2 });
    expect((await factorRows(user.id)).passkeys).toBe(0);
    expect((await factorRows(other.id)).passkeys).toBe(1);
    expect(await eventData(user.id, "wan_reset")).toEqual([{ removed: 2 }]);
    expect(await webauthnReset("x")).toMatchObject({ ok: false, code: "USER_DOES_NOT_EXIST" });
  });

  it("setTokenUniquifier ends the API tokens and leaves the session (SECURITY_TOKEN_UNIQUIFIER)", async () => {
    await withEnv({ SECURITY_TOKEN_UNIQUIFIER: "true" }, async () => {
      const user = await account("tu");
      const held = await signedIn(user);
      expect(await setTokenUniquifier(user.id)).toEqual({ ok: true });
      expect(await stillWorks(held)).toEqual({ session: true, token: false });
      expect(await setTokenUniquifier(user.id, { uniquifier: "short" })).toMatchObject({ ok: false, code: "INVALID_INPUT" });
      expect(await eventData(user.id, "token_uniquifier_changed")).toHaveLength(1);
    });
  });
});

describe("adminChangePassword", () => {
  it("sets a password that passes the policy, ends every session, and tells the owner through the outbox", async () => {
    const user = await account("adminpw");
    const held = await signedIn(user);
    expect(await adminChangePassword(user.id, "password")).toMatchObject({ ok: false, code: "PASSWORD_TOO_COMMON" });
    expect(await adminChangePassword(user.id, "short")).toMatchObject({ ok: false, code: "PASSWORD_INVALID_LENGTH" });
    expect(await stillWorks(held)).toEqual({ session: true, token: true });

    expect(await adminChangePassword(user.id, OTHER_STRONG_PASSWORD)).toEqual({ ok: true });
    expect(await stillWorks(held)).toEqual({ session: false, token: false });
    expect((await latestMail(user.email))?.subject).toBe("Gatehouse: Your password was changed");
    expect((await loginWithPassword({ identity: user.email, password: STRONG_PASSWORD, remember: false }, newCtx())).ok).toBe(false);
    expect((await loginWithPassword({ identity: user.email, password: OTHER_STRONG_PASSWORD, remember: false }, newCtx())).ok).toBe(true);
    expect(await eventData(user.id, "password_changed")).toEqual([{ admin: true }]);
  });

  it("sends no notice when asked not to, and refuses an unknown user", async () => {
    const user = await account("adminpw-quiet");
    expect(await adminChangePassword(user.id, OTHER_STRONG_PASSWORD, { notify: false })).toEqual({ ok: true });
    expect(await latestMail(user.email)).toBeUndefined();
    expect(await adminChangePassword(crypto.randomUUID(), OTHER_STRONG_PASSWORD)).toMatchObject({ ok: false, code: "USER_DOES_NOT_EXIST" });
  });
});

describe("getHmac", () => {
  it("is a keyed SHA-512: stable for one secret, different for another, never the input", async () => {
    const a = getHmac("hunter2");
    expect(Buffer.from(a, "base64")).toHaveLength(64);
    expect(getHmac("hunter2")).toBe(a);
    expect(getHmac("hunter3")).not.toBe(a);
    expect(await withEnv({ AUTH_SECRET: "another-secret-another-secret-another-secret" }, async () => getHmac("hunter2"))).not.toBe(a);
  });
});
