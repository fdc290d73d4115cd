// Threat: a second factor gets saved that the owner cannot use (locking them out), someone else's
// setup is finished, or a hijacked session quietly turns 2FA off. Guarantee: proof, then notice.
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { confirmCodeSetup, startCodeSetup } from "@/lib/security/codes/setup";
import { disableTwoFactor } from "@/lib/security/codes/two-factor";
import { addRoleToUser } from "@/lib/security/accounts/user-roles";
import { getAuthorization, type UserRecord } from "@/lib/security/accounts/users";
import { mailsTo, newCtx, registerConfirmed, uniqueEmail, withEnv } from "../support/flows";
import { codeAt, latestEmailedCode, latestTextedCode, nextCode, savedSecret, textCount, twoFactorRow, uniquePhone, wrongCode } from "../support/two-factor";

async function startAuthenticator(user: UserRecord): Promise<{ setupToken: string; secret: string }> {
  const started = await startCodeSetup("two-factor", user, { method: "authenticator" }, newCtx());
  if (!started.ok || !started.secret) throw new Error(`setup did not start: ${JSON.stringify(started)}`);
  expect(started.uri).toMatch(/^otpauth:\/\/totp\//);
  expect(started.uri).toContain(`secret=${started.secret}`);
  return { setupToken: started.setupToken, secret: started.secret };
}

async function enableAuthenticator(user: UserRecord): Promise<string> {
  const { setupToken, secret } = await startAuthenticator(user);
  expect(await confirmCodeSetup("two-factor", user, { setupToken, code: await codeAt(secret) }, newCtx())).toMatchObject({ ok: true });
  return secret;
}

async function subjects(email: string): Promise<string[]> {
  return (await mailsTo(email)).map((m) => m.subject ?? "");
}

describe("setting up two-factor while signed in", () => {
  it("a wrong code saves nothing; the right code saves the method and mails a notice", async () => {
    const email = uniqueEmail("setup");
    const user = await registerConfirmed(email);
    const { setupToken, secret } = await startAuthenticator(user);
    const right = await codeAt(secret);

    expect(await confirmCodeSetup("two-factor", user, { setupToken, code: wrongCode(right) }, newCtx())).toMatchObject({
      ok: false,
      code: "TWO_FACTOR_INVALID_TOKEN",
    });
    expect(await twoFactorRow(user.id)).toBeUndefined();
    expect(await subjects(email)).not.toContain("Gatehouse: Two-step verification was turned on");

    // The token survives a typo: the right code still works with it.
    expect(await confirmCodeSetup("two-factor", user, { setupToken, code: right }, newCtx())).toMatchObject({
      ok: true,
      method: "authenticator",
      changed: false,
    });
    const row = await twoFactorRow(user.id);
    expect(row?.method).toBe("authenticator");
    expect(await savedSecret(user.id)).toBe(secret);
    expect(await subjects(email)).toContain("Gatehouse: Two-step verification was turned on");
  });

  it("a setup token is single-use", async () => {
    const user = await registerConfirmed(uniqueEmail("setup-once"));
    const { setupToken, secret } = await startAuthenticator(user);
    expect(await confirmCodeSetup("two-factor", user, { setupToken, code: await codeAt(secret) }, newCtx())).toMatchObject({ ok: true });
    expect(await confirmCodeSetup("two-factor", user, { setupToken, code: await nextCode(secret) }, newCtx())).toMatchObject({ ok: false });
  });

  it("an expired setup token gives TWO_FACTOR_SETUP_EXPIRED, even with the right code", async () => {
    const user = await registerConfirmed(uniqueEmail("setup-expired"));
    const { setupToken, secret } = await startAuthenticator(user);
    const db = await getDb();
    await db
      .update(tables.oneTimeTokens)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(and(eq(tables.oneTimeTokens.userId, user.id), eq(tables.oneTimeTokens.purpose, "tf-setup")));
    expect(await confirmCodeSetup("two-factor", user, { setupToken, code: await codeAt(secret) }, newCtx())).toMatchObject({
      ok: false,
      code: "TWO_FACTOR_SETUP_EXPIRED",
    });
    expect(await twoFactorRow(user.id)).toBeUndefined();
  });

  it("another user's setup token is refused and saves nothing for either", async () => {
    const alice = await registerConfirmed(uniqueEmail("setup-alice"));
    const mallory = await registerConfirmed(uniqueEmail("setup-mallory"));
    const { setupToken, secret } = await startAuthenticator(alice);
    const result = await confirmCodeSetup("two-factor", mallory, { setupToken, code: await codeAt(secret) }, newCtx());
    expect(result.ok).toBe(false);
    expect(await twoFactorRow(mallory.id)).toBeUndefined();
    expect(await twoFactorRow(alice.id)).toBeUndefined();
  });

  it("garbage setup tokens and codes are failures, not throws", async () => {
    const user = await registerConfirmed(uniqueEmail("setup-garbage"));
    for (const setupToken of ["", "x", "a".repeat(43), "'; drop table users; --", "\u0000".repeat(43), "a".repeat(100_000)]) {
      const r = await confirmCodeSetup("two-factor", user, { setupToken, code: "123456" }, newCtx());
      expect(r.ok).toBe(false);
    }
    const { setupToken } = await startAuthenticator(user);
    for (const code of ["", "abcdef", "1".repeat(100_000)]) {
      expect(await confirmCodeSetup("two-factor", user, { setupToken, code }, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_INVALID_TOKEN" });
    }
    expect(await startCodeSetup("two-factor", user, { method: "carrier-pigeon" }, newCtx())).toMatchObject({
      ok: false,
      code: "TWO_FACTOR_METHOD_NOT_AVAILABLE",
    });
  });

  it("sms: a bad phone is PHONE_INVALID (no text sent); a good one is stored as E.164", async () => {
    const user = await registerConfirmed(uniqueEmail("setup-sms"));
    for (const phone of ["", "12", "call me", "+1 415", null]) {
      expect(await startCodeSetup("two-factor", user, { method: "sms", phone }, newCtx())).toMatchObject({ ok: false, code: "PHONE_INVALID" });
    }
    const phone = uniquePhone();
    const started = await startCodeSetup("two-factor", user, { method: "sms", phone: phone.typed }, newCtx());
    expect(started).toMatchObject({ ok: true, method: "sms", secret: null, uri: null });
    if (!started.ok) return;
    expect(started.sentTo).toContain(phone.e164.slice(-4));
    expect(started.sentTo).not.toContain(phone.e164.slice(2, 8));
    expect(await textCount(phone.e164)).toBe(1);
    const code = await latestTextedCode(phone.e164);
    expect(await confirmCodeSetup("two-factor", user, { setupToken: started.setupToken, code }, newCtx())).toMatchObject({ ok: true, method: "sms" });
    const row = await twoFactorRow(user.id);
    expect(row).toMatchObject({ method: "sms", phone: phone.e164 });
    expect(row!.phone).toMatch(/^\+[1-9]\d{7,14}$/);
  });

  it("changing method needs a code from the NEW method; the old one's code does not do", async () => {
    const email = uniqueEmail("setup-change");
    const user = await registerConfirmed(email);
    const oldSecret = await enableAuthenticator(user);

    const started = await startCodeSetup("two-factor", user, { method: "email" }, newCtx());
    if (!started.ok) throw new Error(started.code);
    const emailed = await latestEmailedCode(email);

    expect(await confirmCodeSetup("two-factor", user, { setupToken: started.setupToken, code: await nextCode(oldSecret) }, newCtx())).toMatchObject({
      ok: false,
      code: "TWO_FACTOR_INVALID_TOKEN",
    });
    expect((await twoFactorRow(user.id))?.method).toBe("authenticator");

    expect(await confirmCodeSetup("two-factor", user, { setupToken: started.setupToken, code: emailed }, newCtx())).toMatchObject({
      ok: true,
      method: "email",
      changed: true,
    });
    expect((await twoFactorRow(user.id))?.method).toBe("email");
    expect(await savedSecret(user.id)).not.toBe(oldSecret);
    expect(await subjects(email)).toContain("Gatehouse: Your two-step verification method was changed");
  });

  it("disable works when not required, mails a notice, and removes the method", async () => {
    const email = uniqueEmail("disable");
    const user = await registerConfirmed(email);
    await enableAuthenticator(user);
    expect(await disableTwoFactor(user, [], newCtx())).toEqual({ ok: true });
    expect(await twoFactorRow(user.id)).toBeUndefined();
    expect(await subjects(email)).toContain("Gatehouse: Two-step verification was turned off");
    expect(await disableTwoFactor(user, [], newCtx())).toMatchObject({ ok: false });
  });

  it("disable is refused with TWO_FACTOR_REQUIRED when required for everyone", async () => {
    const email = uniqueEmail("disable-required");
    const user = await registerConfirmed(email);
    await enableAuthenticator(user);
    await withEnv({ SECURITY_TWO_FACTOR_REQUIRED: "true" }, async () => {
      expect(await disableTwoFactor(user, [], newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_REQUIRED" });
    });
    expect(await twoFactorRow(user.id)).toBeDefined();
    expect(await subjects(email)).not.toContain("Gatehouse: Two-step verification was turned off");
  });

  it("disable is refused with TWO_FACTOR_REQUIRED when one of the user's roles requires it", async () => {
    const user = await registerConfirmed(uniqueEmail("disable-role"));
    await enableAuthenticator(user);
    await addRoleToUser(user.id, "ops");
    await withEnv({ SECURITY_TWO_FACTOR_REQUIRED_ROLES: "finance, ops" }, async () => {
      const { roles } = await getAuthorization(user.id);
      expect(await disableTwoFactor(user, roles, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_REQUIRED" });
      // The same setting does not bind someone without the role.
      const other = await registerConfirmed(uniqueEmail("disable-norole"));
      await enableAuthenticator(other);
      expect(await disableTwoFactor(other, (await getAuthorization(other.id)).roles, newCtx())).toEqual({ ok: true });
    });
    expect(await twoFactorRow(user.id)).toBeDefined();
  });
});
