// Threat: a product swaps the phone, WebAuthn, TOTP or recovery-code utility in lib/security/plugins.ts
// and a flow keeps the default (a number the product refuses is saved, a code its verifier refuses signs in).
// Guarantee: each replacement is what the real flow calls; every assertion here fails if the registry were ignored.
import { describe, expect, it, afterEach } from "vitest";
import { usePlugins } from "@/lib/security/core/plugins";
import { confirmCodeSetup, startCodeSetup } from "@/lib/security/codes/setup";
import { beginPasskeyRegistration } from "@/lib/security/passkeys/registration";
import { generateRecoveryCodes } from "@/lib/security/recovery-codes/store";
import { signInWithRecoveryCode, verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { newCtx, registerConfirmed, uniqueEmail } from "../support/flows";
import { reload, signedInUser } from "../support/passkeys";
import { codeAt, latestEmailedCode, passwordStep, saveMethod, twoFactorRow, uniquePhone } from "../support/two-factor";

afterEach(() => usePlugins(null));

describe("the phone utility", () => {
  it("a normalizer that takes only UK numbers refuses a valid US number at setup, and a UK number it reads is where the first code goes", async () => {
    // Valid for the default (region US; uniquePhone checks it with the default), refused by the replacement.
    const us = uniquePhone();
    const ukOnly = (input: string, _region: string, builtIn: (input: string, region: string) => string | null): string | null => {
      const e164 = builtIn(input, "GB");
      return e164?.startsWith("+44") ? e164 : null;
    };
    usePlugins({ phone: { normalize: ukOnly } });
    const user = await registerConfirmed(uniqueEmail("phone-util"));
    expect(await startCodeSetup("two-factor", user, { method: "sms", phone: us.typed }, newCtx())).toMatchObject({ ok: false, code: "PHONE_INVALID" });
    expect(await startCodeSetup("sign-in", user, { method: "sms", phone: us.typed }, newCtx())).toMatchObject({ ok: false, code: "PHONE_INVALID" });
    // A UK number typed nationally (every 07400 number is valid): the default (region US) cannot read it, the replacement can.
    const national = `07400 ${String(Math.floor(Math.random() * 1_000_000)).padStart(6, "0")}`;
    const started = await startCodeSetup("two-factor", user, { method: "sms", phone: national }, newCtx());
    expect(started).toMatchObject({ ok: true, sentTo: expect.stringMatching(/^\+44 /) });
  });
});

describe("the TOTP utility", () => {
  it("a verifier that refuses every code is the one that checks setup and sign-in codes", async () => {
    const seen: string[] = [];
    usePlugins({ totp: { verify: async (_secret, code) => (seen.push(code), { valid: false }) } });
    const user = await registerConfirmed(uniqueEmail("totp-verify"));
    const started = await startCodeSetup("two-factor", user, { method: "authenticator" }, newCtx());
    if (!started.ok || !started.secret) throw new Error("setup did not start");
    const right = await codeAt(started.secret);
    expect(await confirmCodeSetup("two-factor", user, { setupToken: started.setupToken, code: right }, newCtx())).toMatchObject({ ok: false });
    expect(await twoFactorRow(user.id)).toBeUndefined();

    const email = uniqueEmail("totp-signin");
    const signer = await registerConfirmed(email);
    const secret = await saveMethod(signer.id, "authenticator");
    const pending = await passwordStep(email);
    const code = await codeAt(secret);
    expect(await verifySecondFactor(pending.pendingToken, code, newCtx())).toMatchObject({ ok: false, code: "TWO_FACTOR_INVALID_TOKEN" });
    expect(seen).toEqual([right, code]);
  });

  it("a generator's code is the one emailed, and the verifier that knows it accepts it", async () => {
    const fixed = String(100_000 + Math.floor(Math.random() * 900_000));
    usePlugins({
      totp: {
        generate: async () => fixed,
        verify: async (secret, code, window, after, builtIn) => (code === fixed ? { valid: true, timeStep: after + 1 } : builtIn(secret, code, window, after)),
      },
    });
    const email = uniqueEmail("totp-generate");
    const user = await registerConfirmed(email);
    const started = await startCodeSetup("two-factor", user, { method: "email" }, newCtx());
    if (!started.ok) throw new Error(started.code);
    expect(await latestEmailedCode(email)).toBe(fixed);
    expect(await confirmCodeSetup("two-factor", user, { setupToken: started.setupToken, code: fixed }, newCtx())).toMatchObject({ ok: true, method: "email" });
  });
});

describe("the recovery-codes utility", () => {
  it("a generator's format is what the user gets, and its normalizer is what signs in with one", async () => {
    let n = 0;
    const tag = crypto.randomUUID().slice(0, 8);
    usePlugins({
      recoveryCodes: {
        generate: () => `rc-${tag}-${String(++n).padStart(4, "0")}`,
        normalize: (input) => (/^rc-[0-9a-f]{8}-\d{4}$/i.test(input.trim()) ? input.trim().toLowerCase() : null),
      },
    });
    const email = uniqueEmail("rc-util");
    const user = await registerConfirmed(email);
    await saveMethod(user.id, "authenticator");
    const codes = await generateRecoveryCodes(user.id, newCtx());
    expect(codes[0]).toBe(`rc-${tag}-0001`);
    for (const code of codes) expect(code).toMatch(/^rc-[0-9a-f]{8}-\d{4}$/);
    // The default normalizer accepts only three groups of four hex digits: this code would be refused.
    const pending = await passwordStep(email);
    expect(await signInWithRecoveryCode(pending.pendingToken, `  ${codes[1]!.toUpperCase()} `, newCtx())).toMatchObject({ ok: true });
  });
});

describe("the WebAuthn utility", () => {
  it("the registration options carry the replacement's authenticator selection and user handle", async () => {
    const handle = Buffer.from(crypto.getRandomValues(new Uint8Array(32))).toString("base64url");
    usePlugins({
      webauthn: {
        authenticatorSelection: (usage, builtIn) => ({ ...builtIn(usage), authenticatorAttachment: "cross-platform" }),
        newUserHandle: () => handle,
      },
    });
    const who = await signedInUser("wan-util");
    const started = await beginPasskeyRegistration(who.user, who.session, { name: "Key", usage: "first" });
    if (!started.ok) throw new Error(started.code);
    expect(started.options.authenticatorSelection).toMatchObject({ authenticatorAttachment: "cross-platform", residentKey: "required" });
    expect(started.options.user.id).toBe(handle);
    expect((await reload(who.token)).user.webauthnUserHandle).toBe(handle);
  });
});
