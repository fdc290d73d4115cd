// Threat: an old username keeps signing in after a change, two accounts end up with one name (or one
// differing only in case or Unicode form), or the recovery form tells a stranger which addresses exist.
// Guarantee: Flask-Security's rules, one holder per name decided by the unique index, generic recovery.
import { describe, expect, it } from "vitest";
import { deactivateUser } from "@/lib/security/accounts/activation";
import { changeUsername, recoverUsername } from "@/lib/security/lifecycle/username";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { registerUser } from "@/lib/security/registration/register";
import { latestMail, mailsTo, newCtx, registerConfirmed, STRONG_PASSWORD, uniqueEmail, userByEmail, withEnv, withEnvForTheFile } from "../support/flows";

withEnvForTheFile({ SECURITY_USERNAME_ENABLE: "true" });

const uniqueName = (): string => `u${crypto.randomUUID().replaceAll("-", "").slice(0, 12)}`;
const signsIn = async (identity: string): Promise<boolean> => (await loginWithPassword({ identity, password: STRONG_PASSWORD, remember: false }, newCtx())).ok;

describe("change username", () => {
  it("takes effect at once: the new name signs in, the old one no longer does, and the owner is told", async () => {
    const email = uniqueEmail("name");
    await registerConfirmed(email);
    const [first, second] = [uniqueName(), uniqueName()];
    expect(await changeUsername(await userByEmail(email), first, newCtx())).toEqual({ ok: true, username: first });
    expect(await signsIn(first)).toBe(true);
    expect(await changeUsername(await userByEmail(email), second, newCtx())).toEqual({ ok: true, username: second });
    expect(await signsIn(second)).toBe(true);
    expect(await signsIn(first)).toBe(false);
    const notice = await latestMail(email);
    expect(notice?.subject).toBe("Gatehouse: Your username was changed");
    expect(notice?.text).toContain(second);
    expect(notice?.text).toContain(first);
  });

  it("applies Flask-Security's rules: markup, letters and digits only, length after NFKD", async () => {
    const user = await registerConfirmed(uniqueEmail("rules"));
    const cases: [string, string][] = [
      ["<b>bold</b>", "USERNAME_ILLEGAL_CHARACTERS"],
      ["tom&jerry", "USERNAME_ILLEGAL_CHARACTERS"],
      ["has space", "USERNAME_DISALLOWED_CHARACTERS"],
      ["dot.name", "USERNAME_DISALLOWED_CHARACTERS"],
      ["a\u202eb123", "USERNAME_DISALLOWED_CHARACTERS"],
      ["abc", "USERNAME_INVALID_LENGTH"],
      ["x".repeat(33), "USERNAME_INVALID_LENGTH"],
    ];
    for (const [input, code] of cases) {
      const result = await changeUsername(user, input, newCtx());
      expect(result, input).toMatchObject({ ok: false, code });
      if (code === "USERNAME_INVALID_LENGTH") expect(!result.ok && result.fieldErrors?.username?.[0]).toContain("at least 4");
    }
    // "ﬁ" (one code point) is "fi" after NFKD: the stored name is the normalised one.
    const name = `\ufb01${uniqueName()}`;
    expect(await changeUsername(user, name, newCtx())).toEqual({ ok: true, username: name.normalize("NFKD") });
  });

  it("refuses a name another account holds, in any case or Unicode form", async () => {
    const holder = await registerConfirmed(uniqueEmail("holder"));
    const other = await registerConfirmed(uniqueEmail("other"));
    const name = `Cafe\u0301${uniqueName()}`;
    expect((await changeUsername(holder, name, newCtx())).ok).toBe(true);
    for (const variant of [name.toUpperCase(), name.normalize("NFC"), name.toLowerCase()]) {
      expect(await changeUsername(other, variant, newCtx())).toMatchObject({ ok: false, code: "USERNAME_ALREADY_ASSOCIATED" });
    }
  });

  it("gives one name two accounts race for to exactly one of them", async () => {
    const a = await registerConfirmed(uniqueEmail("race-a"));
    const b = await registerConfirmed(uniqueEmail("race-b"));
    const name = uniqueName();
    const results = await Promise.all([changeUsername(a, name, newCtx()), changeUsername(b, name.toUpperCase(), newCtx())]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toMatchObject({ ok: false, code: "USERNAME_ALREADY_ASSOCIATED" });
  });

  it("removes the username when left empty, unless usernames are required", async () => {
    const email = uniqueEmail("clear");
    const user = await registerConfirmed(email);
    const name = uniqueName();
    await changeUsername(user, name, newCtx());
    const required = await withEnv({ SECURITY_USERNAME_REQUIRED: "true" }, async () => changeUsername(await userByEmail(email), "  ", newCtx()));
    expect(required).toMatchObject({ ok: false, code: "USERNAME_NOT_PROVIDED" });
    expect(await changeUsername(await userByEmail(email), "", newCtx())).toEqual({ ok: true, username: null });
    expect((await userByEmail(email)).usernameNormalized).toBeNull();
    expect(await signsIn(name)).toBe(false);
    expect(await changeUsername(await userByEmail(email), name, newCtx())).toMatchObject({ ok: true });
    expect(await changeUsername(await userByEmail(email), name, newCtx())).toMatchObject({ ok: false, code: "USERNAME_IS_THE_SAME" });
  });

  it("is not offered when usernames are off", async () => {
    const user = await registerConfirmed(uniqueEmail("off"));
    const result = await withEnv({ SECURITY_USERNAME_ENABLE: "false" }, () => changeUsername(user, uniqueName(), newCtx()));
    expect(result).toMatchObject({ ok: false, code: "API_ERROR" });
  });
});

/**
 * Registers without confirming, and waits for the registration's work to finish: under generic
 * responses it runs after the answer (afterTheAnswer), so its welcome mail may come after the call.
 */
async function registerUnconfirmed(email: string): Promise<void> {
  await registerUser({ email, password: STRONG_PASSWORD }, newCtx());
  await expect.poll(async () => (await mailsTo(email)).length, { timeout: 10_000 }).toBe(1);
}

describe("recover username", () => {
  it("emails the username to a confirmed, active account", async () => {
    const email = uniqueEmail("recover");
    const user = await registerConfirmed(email);
    const name = uniqueName();
    await changeUsername(user, name, newCtx());
    expect(await recoverUsername(email.toUpperCase(), newCtx())).toEqual({ ok: true });
    const mail = await latestMail(email);
    expect(mail?.subject).toBe("Gatehouse: Your username");
    expect(mail?.text).toContain(`Your username is: ${name}`);
  });

  it("answers unknown, disabled and unconfirmed addresses alike and mails none of them", async () => {
    const unknown = uniqueEmail("nobody");
    const disabled = uniqueEmail("disabled");
    await deactivateUser((await registerConfirmed(disabled)).id);
    const unconfirmed = uniqueEmail("unconfirmed");
    await registerUnconfirmed(unconfirmed);
    const before = await Promise.all([unknown, disabled, unconfirmed].map(async (e) => (await mailsTo(e)).length));
    for (const email of [unknown, disabled, unconfirmed]) expect(await recoverUsername(email, newCtx())).toEqual({ ok: true });
    expect(await Promise.all([unknown, disabled, unconfirmed].map(async (e) => (await mailsTo(e)).length))).toEqual(before);
  });

  it("gives Flask-Security's refusals when generic responses are off", async () => {
    const disabled = uniqueEmail("disabled");
    await deactivateUser((await registerConfirmed(disabled)).id);
    const unconfirmed = uniqueEmail("unconfirmed");
    await registerUnconfirmed(unconfirmed);
    await withEnv({ SECURITY_RETURN_GENERIC_RESPONSES: "false" }, async () => {
      expect(await recoverUsername(uniqueEmail("nobody"), newCtx())).toMatchObject({ ok: false, code: "USER_DOES_NOT_EXIST" });
      expect(await recoverUsername(disabled, newCtx())).toMatchObject({ ok: false, code: "DISABLED_ACCOUNT" });
      expect(await recoverUsername(unconfirmed, newCtx())).toMatchObject({ ok: false, code: "CONFIRMATION_REQUIRED" });
    });
  });

  it("refuses malformed addresses without a look-up", async () => {
    for (const bad of ["", "nope", "a\u0000@example.com", `${"y".repeat(400)}@example.com`]) {
      expect(await recoverUsername(bad, newCtx())).toMatchObject({ ok: false });
    }
  });
});
