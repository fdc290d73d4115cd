// Threat: identity hints on passkey sign-in tell an attacker which addresses have accounts (or passkeys),
// re-verify asks for more or other keys than configured, or a passkey name carrying markup is quietly changed.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { hashToken } from "@/lib/security/core/crypto";
import { deactivateUser } from "@/lib/security/accounts/activation";
import { beginPasskeyRegistration } from "@/lib/security/passkeys/registration";
import { renamePasskey } from "@/lib/security/passkeys/manage";
import { beginPasskeyReauthentication, reauthenticateWithPasskey } from "@/lib/security/re-verify/reauthenticate";
import { beginPasskeySignIn, finishPasskeySignIn } from "@/lib/security/sign-in/passkey";
import { newCtx, uniqueEmail, withEnv } from "../support/flows";
import { addPasskey, passkeyRow, reload, rpOrigin, signedInUser, type SignedIn } from "../support/passkeys";
import { SoftwareAuthenticator } from "../support/webauthn-authenticator";

async function optionsFor(identity?: unknown) {
  const started = await beginPasskeySignIn(newCtx(), identity);
  if (!started.ok) throw new Error(`begin failed: ${started.code}`);
  return started;
}

/** What an observer can compare between two answers: how many entries, and the keys each carries. */
const shapeOf = (allow: { id: string }[] | undefined) => (allow ?? []).map((c) => ({ keys: Object.keys(c).sort(), idLength: c.id.length }));

describe("SECURITY_WAN_ALLOW_USER_HINTS (default on)", () => {
  it("a typed identity lists that account's 'sign in' passkeys, and the hinted ceremony signs in", async () => {
    const who = await signedInUser("pk-hint");
    const phone = new SoftwareAuthenticator();
    const { credentialId } = await addPasskey(who, phone, { name: "Phone", usage: "first" });
    // A second-factor key is not a way to sign in: never hinted.
    await addPasskey(who, new SoftwareAuthenticator("cross-platform"), { name: "Key", usage: "secondary" });
    const { options, state } = await optionsFor(`  ${who.email.toUpperCase()} `);
    expect(options.allowCredentials).toEqual([{ id: credentialId, type: "public-key" }]);
    const credential = phone.getAssertion(options, { origin: rpOrigin() });
    expect(await finishPasskeySignIn({ state, credential, remember: false, next: null }, newCtx())).toMatchObject({ ok: true, user: { id: who.user.id } });
  });

  it("an unknown identity, a disabled account and one without sign-in passkeys get a list of the same shape, the same on every ask", async () => {
    const real = await signedInUser("pk-hint-real");
    await addPasskey(real, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    const disabled = await signedInUser("pk-hint-disabled");
    const { credentialId: disabledCredential } = await addPasskey(disabled, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    await deactivateUser(disabled.user.id);
    const none = await signedInUser("pk-hint-none");

    const realShape = shapeOf((await optionsFor(real.email)).options.allowCredentials);
    for (const identity of [uniqueEmail("pk-hint-nobody"), disabled.email, none.email, "x".repeat(5000)]) {
      const first = (await optionsFor(identity)).options.allowCredentials;
      const again = (await optionsFor(identity)).options.allowCredentials;
      expect(first?.length, identity.slice(0, 40)).toBeGreaterThanOrEqual(1);
      expect(first?.length).toBeLessThanOrEqual(2);
      expect(shapeOf(first)[0]?.keys).toEqual(realShape[0]?.keys);
      // A list that changed on each ask would give the made-up one away.
      expect(again).toEqual(first);
      expect(first?.map((c) => c.id)).not.toContain(disabledCredential);
    }
    // Made-up lists differ between identities (they cannot be told apart by being all alike).
    const a = (await optionsFor(uniqueEmail("pk-hint-a"))).options.allowCredentials;
    const b = (await optionsFor(uniqueEmail("pk-hint-b"))).options.allowCredentials;
    expect(a?.[0]?.id).not.toBe(b?.[0]?.id);
  });

  it("no identity (the button with nothing typed, autofill) gets no allowCredentials; a non-string identity is API_ERROR", async () => {
    expect((await optionsFor()).options.allowCredentials ?? []).toEqual([]);
    expect((await optionsFor("   ")).options.allowCredentials ?? []).toEqual([]);
    expect(await beginPasskeySignIn(newCtx(), { $ne: "" })).toEqual({ ok: false, code: "API_ERROR" });
  });

  it("off: a typed identity changes nothing (no allowCredentials at all)", async () => {
    const who = await signedInUser("pk-hint-off");
    await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    await withEnv({ SECURITY_WAN_ALLOW_USER_HINTS: "false" }, async () => {
      expect((await optionsFor(who.email)).options.allowCredentials ?? []).toEqual([]);
    });
  });
});

describe("re-verifying with a passkey", () => {
  async function stale(who: SignedIn) {
    const db = await getDb();
    await db
      .update(tables.sessions)
      .set({ authenticatedAt: new Date(Date.now() - 3 * 86_400_000), graceUntil: null })
      .where(eq(tables.sessions.tokenHash, hashToken(who.token)));
    return reload(who.token);
  }

  it("asks user verification as SECURITY_WAN_VERIFY_USER_VERIFICATION says (default 'discouraged', as the reference)", async () => {
    const who = await signedInUser("pk-verify-uv");
    await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    const { user, session } = await stale(who);
    const byDefault = await beginPasskeyReauthentication(user, session);
    expect(byDefault.ok && byDefault.options.userVerification).toBe("discouraged");
    await withEnv({ SECURITY_WAN_VERIFY_USER_VERIFICATION: "required" }, async () => {
      const required = await beginPasskeyReauthentication(user, session);
      expect(required.ok && required.options.userVerification).toBe("required");
    });
    await withEnv({ SECURITY_WAN_VERIFY_USER_VERIFICATION: "sometimes" }, async () => {
      const { getConfig } = await import("@/lib/security/config");
      expect(() => getConfig()).toThrow(/SECURITY_WAN_VERIFY_USER_VERIFICATION/);
    });
  });

  it("SECURITY_WAN_ALLOW_AS_VERIFY=secondary: a 'sign in' passkey is neither offered nor accepted; =none: no passkey verifies", async () => {
    const who = await signedInUser("pk-verify-usage");
    const phone = new SoftwareAuthenticator();
    const { credentialId: phoneId } = await addPasskey(who, phone, { name: "Phone", usage: "first" });
    const key = new SoftwareAuthenticator("cross-platform");
    const { credentialId: keyId } = await addPasskey(who, key, { name: "Key", usage: "secondary" });
    const { user, session } = await stale(who);
    await withEnv({ SECURITY_WAN_ALLOW_AS_VERIFY: "secondary" }, async () => {
      const started = await beginPasskeyReauthentication(user, session);
      if (!started.ok) throw new Error(started.code);
      expect(started.options.allowCredentials?.map((c) => c.id)).toEqual([keyId]);
      // A hostile client answers with the held "sign in" passkey anyway.
      const credential = phone.getAssertion(started.options, { origin: rpOrigin(), credentialId: phoneId });
      expect(await reauthenticateWithPasskey(user, session, { state: started.state, credential }, newCtx())).toEqual({
        ok: false,
        code: "WEBAUTHN_CREDENTIAL_WRONG_USAGE",
      });
    });
    await withEnv({ SECURITY_WAN_ALLOW_AS_VERIFY: "none" }, async () => {
      expect(await beginPasskeyReauthentication(user, session)).toEqual({ ok: false, code: "WEBAUTHN_NOT_AVAILABLE" });
    });
  });
});

describe("passkey names with markup or over 64 characters are refused, never changed", () => {
  it("adding: markup is INVALID_INPUT, 65 characters INVALID_INPUT_LENGTH, and no ceremony starts", async () => {
    const who = await signedInUser("pk-name-refuse");
    for (const name of ["My <b>Laptop</b>", "<script>alert(1)</script>", "a > b", "fullwidth ＜i＞"]) {
      expect(await beginPasskeyRegistration(who.user, who.session, { name, usage: "first" }), name).toMatchObject({
        ok: false,
        code: "INVALID_INPUT",
        fieldErrors: { name: [expect.stringContaining("<")] },
      });
    }
    expect(await beginPasskeyRegistration(who.user, who.session, { name: "k".repeat(65), usage: "first" })).toEqual({
      ok: false,
      code: "INVALID_INPUT_LENGTH",
      fieldErrors: { name: ["Value entered must be at most 64 characters"] },
      params: { length: 64 },
    });
    const db = await getDb();
    expect(await db.select().from(tables.webauthnChallenges).where(eq(tables.webauthnChallenges.userId, who.user.id))).toEqual([]);
  });

  it("renaming: refused the same way, and the stored name is unchanged", async () => {
    const who = await signedInUser("pk-name-rename");
    const { row } = await addPasskey(who, new SoftwareAuthenticator(), { name: "Phone", usage: "first" });
    expect(await renamePasskey(who.user, row.id, "<i>Phone</i>", newCtx())).toMatchObject({ ok: false, code: "INVALID_INPUT" });
    expect(await renamePasskey(who.user, row.id, "p".repeat(300), newCtx())).toMatchObject({ ok: false, code: "INVALID_INPUT_LENGTH" });
    expect((await passkeyRow(row.credentialId))?.name).toBe("Phone");
  });
});
