// Threat: the register form tells an attacker which addresses have accounts (enumeration), or a
// race creates two accounts for one address. Guarantee: one answer for all, one row per address.
import { describe, expect, it } from "vitest";
import { registerUser } from "@/lib/security/registration/register";
import { countUsersWithEmail, latestMail, mailsTo, newCtx, registerConfirmed, STRONG_PASSWORD, uniqueEmail, userByEmail, withEnv } from "../support/flows";

describe("registerUser", () => {
  it("answers a new and an existing address identically; the owner is told by email", async () => {
    const existing = uniqueEmail("existing");
    await registerConfirmed(existing);
    const before = await mailsTo(existing);
    const fresh = uniqueEmail("fresh");

    const forNew = await registerUser({ email: fresh, password: STRONG_PASSWORD }, newCtx());
    const forExisting = await registerUser({ email: existing, password: "another-Decent-passphrase-7" }, newCtx());

    expect(forNew).toEqual({ ok: true, status: "confirm-sent", email: fresh });
    expect(forExisting).toEqual({ ok: true, status: "confirm-sent", email: existing });
    expect(Object.keys(forExisting).sort()).toEqual(Object.keys(forNew).sort());

    expect(await countUsersWithEmail(existing)).toBe(1);
    const after = await mailsTo(existing);
    expect(after).toHaveLength(before.length + 1);
    const notice = after[0];
    expect(notice?.subject).toBe("Gatehouse: You already have an account");
    expect(notice?.text).toMatch(/tried to register/i);
    // The new address got the ordinary welcome, with a confirmation link.
    expect((await latestMail(fresh))?.text).toMatch(/\/confirm\/[A-Za-z0-9_-]{43}/);
    expect((await latestMail(fresh))?.text).not.toMatch(/tried to register/i);
  });

  it("does not change the existing account's password", async () => {
    const email = uniqueEmail();
    const original = await registerConfirmed(email);
    await registerUser({ email: email.toUpperCase(), password: "another-Decent-passphrase-7" }, newCtx());
    const after = await userByEmail(email);
    expect(after.passwordHash).toBe(original.passwordHash);
    expect(after.id).toBe(original.id);
    expect(await countUsersWithEmail(email)).toBe(1);
  });

  it.each(["password", "PASSWORD", "12345678", "qwertyuiop", "short7!"])("refuses the weak password %s on the password field", async (password) => {
    const email = uniqueEmail();
    const result = await registerUser({ email, password }, newCtx());
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.fieldErrors?.password?.length).toBeGreaterThan(0);
    expect(result.fieldErrors?.email).toBeUndefined();
    expect(await countUsersWithEmail(email)).toBe(0);
  });

  it.each(["not-an-email", "a@b", "two@@example.com", "spaces in@example.com", "@example.com", "x@.com"])(
    "refuses the malformed address %s on the email field",
    async (email) => {
      const result = await registerUser({ email, password: STRONG_PASSWORD }, newCtx());
      expect(result.ok).toBe(false);
      if (result.ok) return;
      expect(result.fieldErrors?.email?.length).toBeGreaterThan(0);
      expect(result.fieldErrors?.password).toBeUndefined();
    },
  );

  it("creates exactly one account when the same address registers twice at once", async () => {
    const email = uniqueEmail("race");
    const results = await Promise.all([
      registerUser({ email, password: STRONG_PASSWORD }, newCtx()),
      registerUser({ email: ` ${email.toUpperCase()} `, password: STRONG_PASSWORD }, newCtx()),
      registerUser({ email, password: STRONG_PASSWORD }, newCtx()),
    ]);
    for (const r of results) expect(r).toMatchObject({ ok: true, status: "confirm-sent" });
    expect(await countUsersWithEmail(email)).toBe(1);
  });

  it("names the conflict when generic responses are off", async () => {
    const email = uniqueEmail();
    await registerConfirmed(email);
    const result = await withEnv({ SECURITY_RETURN_GENERIC_RESPONSES: "false" }, () => registerUser({ email, password: STRONG_PASSWORD }, newCtx()));
    expect(result).toMatchObject({ ok: false, code: "EMAIL_ALREADY_ASSOCIATED" });
    expect(await countUsersWithEmail(email)).toBe(1);
  });
});
