// Threat: a passkey is added to an account by someone who is not its signed-in owner (stale or
// stolen ceremony, other origin), hijacks another account's credential ID, or junk crashes the server.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { beginPasskeyRegistration, finishPasskeyRegistration } from "@/lib/security/passkeys/registration";
import { createSession, findActiveSession } from "@/lib/security/sessions/store";
import { mailsTo, newCtx } from "../support/flows";
import { addPasskey, ceremonyRow, expireCeremony, passkeyRow, passkeysOf, reload, rpOrigin, signedInUser, type SignedIn } from "../support/passkeys";
import { eventsOf } from "../support/two-factor";
import { SoftwareAuthenticator } from "../support/webauthn-authenticator";

const ADDED = "Gatehouse: A passkey was added to your account";

async function begin(who: SignedIn, name: string, usage: "first" | "secondary" = "first") {
  const { user } = await reload(who.token);
  const started = await beginPasskeyRegistration(user, who.session, { name, usage });
  if (!started.ok) throw new Error(`begin failed: ${started.code}`);
  return { user, ...started };
}

describe("registering a passkey", () => {
  it("a 'sign in' passkey: stored with its usage, transports, credProps, backup state and COSE key; email and wan_registered", async () => {
    const who = await signedInUser("pk-reg");
    const authenticator = new SoftwareAuthenticator();
    const { user, options, state } = await begin(who, "  My   Laptop  ");
    // A "sign in" passkey replaces the password: resident key and user verification required.
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "required", userVerification: "required" });
    expect(options.rp.id).toBe(new URL(rpOrigin()).hostname);
    expect(options.user.id).toBe((await reload(who.token)).user.webauthnUserHandle);
    expect(await ceremonyRow(state)).toMatchObject({ purpose: "register", userId: user.id, challenge: options.challenge });

    const credential = authenticator.createCredential(options, {
      origin: rpOrigin(),
      transports: ["internal", "hybrid", "bogus" as "internal"],
      backupEligible: true,
      backedUp: true,
    });
    expect(await finishPasskeyRegistration(user, who.session, { state, credential }, newCtx())).toEqual({ ok: true, name: "My Laptop" });

    const rows = await passkeysOf(user.id);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      credentialId: credential.id,
      usage: "first",
      name: "My Laptop",
      transports: ["internal", "hybrid"],
      discoverable: true,
      backedUp: true,
      deviceType: "multiDevice",
      signCount: 0,
      aaguid: "00000000-0000-0000-0000-000000000000",
      lastUsedAt: null,
    });
    expect(Buffer.from(rows[0]?.publicKey ?? "", "base64url").equals(Buffer.from(authenticator.credential(credential.id).cosePublicKey))).toBe(true);
    // The ceremony is spent.
    expect(await ceremonyRow(state)).toBeUndefined();

    const mails = (await mailsTo(who.email)).filter((m) => m.subject === ADDED);
    expect(mails).toHaveLength(1);
    expect(mails[0]?.text).toContain("My Laptop");
    const events = await eventsOf(user.id, "wan_registered");
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ name: "My Laptop", usage: "first" });
  });

  it("a second-factor security key: non-discoverable, no UV needed, single-device", async () => {
    const who = await signedInUser("pk-reg-key");
    const key = new SoftwareAuthenticator("cross-platform");
    const { user, options, state } = await begin(who, "YubiKey", "secondary");
    // Asked to be discoverable where it can (the reference's "preferred"); a simple key that cannot still registers.
    expect(options.authenticatorSelection).toMatchObject({ residentKey: "preferred", userVerification: "discouraged" });
    const credential = key.createCredential(options, { origin: rpOrigin(), userVerified: false, discoverable: false });
    expect(credential.clientExtensionResults).toEqual({ credProps: { rk: false } });
    expect(await finishPasskeyRegistration(user, who.session, { state, credential }, newCtx())).toEqual({ ok: true, name: "YubiKey" });
    expect(await passkeyRow(credential.id)).toMatchObject({
      usage: "secondary",
      discoverable: false,
      backedUp: false,
      deviceType: "singleDevice",
      transports: ["usb"],
    });
  });

  it("no credProps in the answer stores discoverable as unknown (null), not a guess", async () => {
    const who = await signedInUser("pk-reg-nork");
    const { user, options, state } = await begin(who, "Old browser", "secondary");
    const credential = new SoftwareAuthenticator().createCredential(options, { origin: rpOrigin(), reportedRk: null });
    expect(await finishPasskeyRegistration(user, who.session, { state, credential }, newCtx())).toMatchObject({ ok: true });
    expect((await passkeyRow(credential.id))?.discoverable).toBeNull();
  });

  it("the second registration of an account excludes the credentials it already has", async () => {
    const who = await signedInUser("pk-reg-exclude");
    const authenticator = new SoftwareAuthenticator();
    const { credentialId } = await addPasskey(who, authenticator, { name: "Phone", usage: "first" });
    const { options } = await begin(who, "Phone again");
    expect(options.excludeCredentials?.map((c) => c.id)).toEqual([credentialId]);
    expect(() => authenticator.createCredential(options, { origin: rpOrigin() })).toThrow(/InvalidStateError/);
  });
});

describe("passkey names", () => {
  it("are NFKC-normalised with control and bidi characters removed (markup is refused: passkeys.options-hint-and-verify-as-configured)", async () => {
    const who = await signedInUser("pk-name");
    const cases: [string, string][] = [
      ["ＷｏｒｋＰｈｏｎｅ", "WorkPhone"],
      ["evil\u202egpj.exe", "evil gpj.exe"],
      ["tab\there\nnew\u0000line", "tab here new line"],
      ["zero\u200bwidth", "zero width"],
      ["ﬁ key ①", "fi key 1"],
    ];
    for (const [raw, expected] of cases) {
      const { user } = await reload(who.token);
      const started = await beginPasskeyRegistration(user, who.session, { name: raw, usage: "secondary" });
      expect(started.ok, JSON.stringify(raw)).toBe(true);
      if (!started.ok) continue;
      expect((await ceremonyRow(started.state))?.payload, JSON.stringify(raw)).toMatchObject({ name: expected });
    }
  });

  it("keep emoji sequences (ZWJ, variation selectors)", async () => {
    const who = await signedInUser("pk-name-emoji");
    const name = "Family 👨\u200d👩\u200d👧 key ❤\ufe0f";
    const { credentialId } = await addPasskey(who, new SoftwareAuthenticator(), { name, usage: "first" });
    expect((await passkeyRow(credentialId))?.name).toBe(name);
  });

  it("are at most 64 characters (code points), and an empty name is WEBAUTHN_NAME_REQUIRED", async () => {
    const who = await signedInUser("pk-name-len");
    const max = "🔑".repeat(64);
    expect(await beginPasskeyRegistration(who.user, who.session, { name: max, usage: "first" })).toMatchObject({ ok: true });
    expect(await beginPasskeyRegistration(who.user, who.session, { name: "k".repeat(65), usage: "first" })).toMatchObject({
      ok: false,
      code: "INVALID_INPUT_LENGTH",
      fieldErrors: { name: [expect.stringContaining("64")] },
    });
    // Only invisible or blank-looking characters (joiner, variation selector, Hangul filler, braille blank) is empty too.
    for (const empty of ["", "   ", "\u202e\u200b\u0000", "\n\t", "\u200d", "\ufe0f", "\u3164", "\u2800 \u200d"]) {
      expect(await beginPasskeyRegistration(who.user, who.session, { name: empty, usage: "first" }), JSON.stringify(empty)).toMatchObject({
        ok: false,
        code: "WEBAUTHN_NAME_REQUIRED",
      });
    }
  });

  it("are unique per user ignoring case, at begin and (for a race) at finish; another user may reuse one", async () => {
    const who = await signedInUser("pk-name-dup");
    const authenticator = new SoftwareAuthenticator();
    await addPasskey(who, authenticator, { name: "Laptop", usage: "first" });
    expect(await beginPasskeyRegistration(who.user, who.session, { name: "LAPTOP", usage: "secondary" })).toMatchObject({
      ok: false,
      code: "WEBAUTHN_NAME_INUSE",
    });

    // Two devices (two sessions) start with the same name before either finishes: the second finish is refused.
    const second = await createSession(who.user, { authnVia: ["password"], remember: false, ctx: newCtx() });
    const other: SignedIn = { ...who, token: second.token, ...(await reload(second.token)) };
    const a = await begin(who, "Tablet");
    const b = await begin(other, "tablet", "secondary");
    const credA = new SoftwareAuthenticator().createCredential(a.options, { origin: rpOrigin() });
    const credB = new SoftwareAuthenticator().createCredential(b.options, { origin: rpOrigin() });
    expect(await finishPasskeyRegistration(a.user, who.session, { state: a.state, credential: credA }, newCtx())).toMatchObject({ ok: true });
    expect(await finishPasskeyRegistration(b.user, other.session, { state: b.state, credential: credB }, newCtx())).toMatchObject({
      ok: false,
      code: "WEBAUTHN_NAME_INUSE",
    });
    expect(await passkeyRow(credB.id)).toBeUndefined();
    expect((await passkeysOf(who.user.id)).map((p) => p.name).sort()).toEqual(["Laptop", "Tablet"]);

    const stranger = await signedInUser("pk-name-dup-other");
    await addPasskey(stranger, new SoftwareAuthenticator(), { name: "laptop", usage: "first" });
  });
});

describe("credential IDs", () => {
  it("a credential ID another account registered is WEBAUTHN_CREDENTIAL_ID_INUSE and does not move it", async () => {
    const alice = await signedInUser("pk-id-alice");
    const { credentialId } = await addPasskey(alice, new SoftwareAuthenticator(), { name: "Alice phone", usage: "first" });
    const mallory = await signedInUser("pk-id-mallory");
    const { user, options, state } = await begin(mallory, "Stolen id");
    const credential = new SoftwareAuthenticator().createCredential(options, { origin: rpOrigin(), credentialId });
    expect(await finishPasskeyRegistration(user, mallory.session, { state, credential }, newCtx())).toEqual({
      ok: false,
      code: "WEBAUTHN_CREDENTIAL_ID_INUSE",
    });
    expect((await passkeyRow(credentialId))?.userId).toBe(alice.user.id);
    expect(await passkeysOf(mallory.user.id)).toEqual([]);
    expect(await eventsOf(mallory.user.id, "wan_registered")).toEqual([]);
  });
});

describe("registration state", () => {
  it("is single-use: the same state and answer again is WEBAUTHN_EXPIRED", async () => {
    const who = await signedInUser("pk-state-twice");
    const { user, options, state } = await begin(who, "Once");
    const credential = new SoftwareAuthenticator().createCredential(options, { origin: rpOrigin() });
    expect(await finishPasskeyRegistration(user, who.session, { state, credential }, newCtx())).toMatchObject({ ok: true });
    expect(await finishPasskeyRegistration(user, who.session, { state, credential }, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_EXPIRED" });
    expect(await passkeysOf(user.id)).toHaveLength(1);
    expect(await eventsOf(user.id, "wan_registered")).toHaveLength(1);
  });

  it("is bound to the session that started it: another session of the same user, or another user, gets WEBAUTHN_EXPIRED", async () => {
    const who = await signedInUser("pk-state-bound");
    const other = await createSession(who.user, { authnVia: ["password"], remember: false, ctx: newCtx() });
    const otherSession = (await findActiveSession(other.token))?.session;
    if (!otherSession) throw new Error("no second session");
    const { user, options, state } = await begin(who, "Bound");
    const credential = new SoftwareAuthenticator().createCredential(options, { origin: rpOrigin() });
    expect(await finishPasskeyRegistration(user, otherSession, { state, credential }, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_EXPIRED" });

    const second = await begin(who, "Bound 2");
    const mallory = await signedInUser("pk-state-mallory");
    const cred2 = new SoftwareAuthenticator().createCredential(second.options, { origin: rpOrigin() });
    // Mallory's own user with the victim's session hash, and the victim's session with Mallory as user.
    expect(await finishPasskeyRegistration(mallory.user, who.session, { state: second.state, credential: cred2 }, newCtx())).toEqual({
      ok: false,
      code: "WEBAUTHN_EXPIRED",
    });
    expect(await passkeysOf(user.id)).toEqual([]);
    expect(await passkeysOf(mallory.user.id)).toEqual([]);
  });

  it("an answer from the wrong session does not use up the owner's ceremony", async () => {
    const who = await signedInUser("pk-state-owner-keeps");
    const other = await createSession(who.user, { authnVia: ["password"], remember: false, ctx: newCtx() });
    const otherSession = (await findActiveSession(other.token))?.session;
    if (!otherSession) throw new Error("no second session");
    const { user, options, state } = await begin(who, "Still mine");
    const credential = new SoftwareAuthenticator().createCredential(options, { origin: rpOrigin() });
    expect(await finishPasskeyRegistration(user, otherSession, { state, credential }, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_EXPIRED" });
    expect(await ceremonyRow(state)).toBeDefined();
    expect(await finishPasskeyRegistration(user, who.session, { state, credential }, newCtx())).toEqual({ ok: true, name: "Still mine" });
  });

  it("a 'sign in' passkey the authenticator reports as not discoverable is refused (it could never sign in)", async () => {
    const who = await signedInUser("pk-not-discoverable");
    const { user, options, state } = await begin(who, "Not resident");
    const credential = new SoftwareAuthenticator().createCredential(options, { origin: rpOrigin(), discoverable: false });
    expect(await finishPasskeyRegistration(user, who.session, { state, credential }, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_NOT_DISCOVERABLE" });
    expect(await passkeysOf(user.id)).toEqual([]);
  });

  it("a state for another purpose (sign-in) is not a registration state", async () => {
    const who = await signedInUser("pk-state-purpose");
    const { user, options, state } = await begin(who, "Purpose");
    const db = await getDb();
    await db.update(tables.webauthnChallenges).set({ purpose: "sign-in" }).where(eq(tables.webauthnChallenges.challenge, options.challenge));
    const credential = new SoftwareAuthenticator().createCredential(options, { origin: rpOrigin() });
    expect(await finishPasskeyRegistration(user, who.session, { state, credential }, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_EXPIRED" });
  });

  it("a new registration in the same session replaces the earlier one (its state is then WEBAUTHN_EXPIRED)", async () => {
    const who = await signedInUser("pk-state-replaced");
    const first = await begin(who, "First click");
    const second = await begin(who, "Second click");
    expect(await ceremonyRow(first.state)).toBeUndefined();
    const stale = new SoftwareAuthenticator().createCredential(first.options, { origin: rpOrigin() });
    expect(await finishPasskeyRegistration(first.user, who.session, { state: first.state, credential: stale }, newCtx())).toEqual({
      ok: false,
      code: "WEBAUTHN_EXPIRED",
    });
    const fresh = new SoftwareAuthenticator().createCredential(second.options, { origin: rpOrigin() });
    expect(await finishPasskeyRegistration(second.user, who.session, { state: second.state, credential: fresh }, newCtx())).toEqual({
      ok: true,
      name: "Second click",
    });
  });

  it("an expired state is WEBAUTHN_EXPIRED even with a valid answer", async () => {
    const who = await signedInUser("pk-state-expired");
    const { user, options, state } = await begin(who, "Late");
    await expireCeremony(state);
    const credential = new SoftwareAuthenticator().createCredential(options, { origin: rpOrigin() });
    expect(await finishPasskeyRegistration(user, who.session, { state, credential }, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_EXPIRED" });
    expect(await passkeysOf(user.id)).toEqual([]);
  });

  it("garbage states are WEBAUTHN_EXPIRED and never throw", async () => {
    const who = await signedInUser("pk-state-garbage");
    for (const state of ["", "x", "a".repeat(43), "'; drop table users; --", "é".repeat(43), "a".repeat(100_000)]) {
      expect(await finishPasskeyRegistration(who.user, who.session, { state, credential: {} }, newCtx()), state.slice(0, 20)).toEqual({
        ok: false,
        code: "WEBAUTHN_EXPIRED",
      });
    }
  });
});

describe("the attestation is verified", () => {
  it("a 'sign in' passkey without user verification is WEBAUTHN_NO_VERIFY and logs the failure", async () => {
    const who = await signedInUser("pk-uv");
    const first = await begin(who, "No PIN");
    const credential = new SoftwareAuthenticator().createCredential(first.options, { origin: rpOrigin(), userVerified: false });
    expect(await finishPasskeyRegistration(first.user, who.session, { state: first.state, credential }, newCtx())).toEqual({
      ok: false,
      code: "WEBAUTHN_NO_VERIFY",
    });
    expect(await passkeysOf(who.user.id)).toEqual([]);
    const failed = await eventsOf(who.user.id, "user_failed_authn");
    expect(failed).toHaveLength(1);
    expect(failed[0]?.data).toMatchObject({ authType: "passkey", during: "register" });
  });

  it.each([
    ["another origin", { origin: "https://evil.example" }],
    ["a look-alike origin (other port)", { origin: "http://localhost:3999" }],
    ["another RP ID in authData", { rpId: "evil.example" }],
    ["another challenge", { challenge: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }],
    ["a get (assertion) clientData type", { type: "webauthn.get" }],
    ["no user presence", { userPresent: false }],
    ["backed up but not backup-eligible", { backedUp: true, backupEligible: false }],
  ] as const)("%s is WEBAUTHN_NO_VERIFY and stores nothing", async (_label, tamper) => {
    const who = await signedInUser("pk-tamper");
    const { user, options, state } = await begin(who, "Tampered", "secondary");
    const credential = new SoftwareAuthenticator().createCredential(options, { origin: rpOrigin(), ...tamper });
    expect(await finishPasskeyRegistration(user, who.session, { state, credential }, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_NO_VERIFY" });
    expect(await passkeysOf(user.id)).toEqual([]);
    expect((await mailsTo(who.email)).filter((m) => m.subject === ADDED)).toEqual([]);
  });
});

describe("malformed credentials", () => {
  function valid(options: Parameters<SoftwareAuthenticator["createCredential"]>[0]) {
    return new SoftwareAuthenticator().createCredential(options, { origin: rpOrigin() });
  }
  type Valid = ReturnType<typeof valid>;
  const without = (v: Valid, key: string) => Object.fromEntries(Object.entries(v).filter(([k]) => k !== key));
  const withoutResponse = (v: Valid, key: string) => ({ ...v, response: Object.fromEntries(Object.entries(v.response).filter(([k]) => k !== key)) });

  const SHAPES: [string, (v: Valid) => unknown][] = [
    ["null", () => null],
    ["undefined", () => undefined],
    ["a number", () => 42],
    ["true", () => true],
    ["an empty array", () => []],
    ["an array holding the answer", (v) => [v]],
    ["an empty object", () => ({})],
    ["a string that is not JSON", () => "this is not json"],
    ["truncated JSON", (v) => JSON.stringify(v).slice(0, 50)],
    ["a JSON string of null", () => "null"],
    ["a 200 kB string", () => "x".repeat(200_000)],
    ["no id", (v) => without(v, "id")],
    ["no rawId", (v) => without(v, "rawId")],
    ["no response", (v) => without(v, "response")],
    ["no type", (v) => without(v, "type")],
    ["type private-key", (v) => ({ ...v, type: "private-key" })],
    ["id a number", (v) => ({ ...v, id: 12345, rawId: 12345 })],
    ["id not base64url", (v) => ({ ...v, id: "ab+/cd==", rawId: "ab+/cd==" })],
    ["id empty", (v) => ({ ...v, id: "", rawId: "" })],
    ["id of 2000 characters", (v) => ({ ...v, id: "A".repeat(2000), rawId: "A".repeat(2000) })],
    ["response null", (v) => ({ ...v, response: null })],
    ["response an array", (v) => ({ ...v, response: [v.response] })],
    ["response a string", (v) => ({ ...v, response: JSON.stringify(v.response) })],
    ["no clientDataJSON", (v) => withoutResponse(v, "clientDataJSON")],
    ["no attestationObject", (v) => withoutResponse(v, "attestationObject")],
    ["clientDataJSON an object", (v) => ({ ...v, response: { ...v.response, clientDataJSON: { type: "webauthn.create" } } })],
    ["clientDataJSON with spaces", (v) => ({ ...v, response: { ...v.response, clientDataJSON: "not base 64 url" } })],
    ["attestationObject of 70 kB", (v) => ({ ...v, response: { ...v.response, attestationObject: "A".repeat(70_000) } })],
    ["clientDataJSON of 10 kB", (v) => ({ ...v, response: { ...v.response, clientDataJSON: "A".repeat(10_000) } })],
    ["transports not an array", (v) => ({ ...v, response: { ...v.response, transports: "usb" } })],
    ["transports of numbers", (v) => ({ ...v, response: { ...v.response, transports: [1, 2] } })],
    ["50 transports", (v) => ({ ...v, response: { ...v.response, transports: Array(50).fill("usb") } })],
    ["authenticatorAttachment unknown", (v) => ({ ...v, authenticatorAttachment: "roaming" })],
    ["publicKeyAlgorithm a string", (v) => ({ ...v, response: { ...v.response, publicKeyAlgorithm: "ES256" } })],
  ];

  it("every malformed shape is API_ERROR, never a throw, and stores nothing", async () => {
    const who = await signedInUser("pk-garbage");
    for (const [label, make] of SHAPES) {
      const { user, options, state } = await begin(who, "Garbage", "secondary");
      const result = await finishPasskeyRegistration(user, who.session, { state, credential: make(valid(options)) }, newCtx());
      expect(result, label).toEqual({ ok: false, code: "API_ERROR" });
    }
    expect(await passkeysOf(who.user.id)).toEqual([]);
  });

  it("the valid answer as a JSON string is accepted (the form posts it as text)", async () => {
    const who = await signedInUser("pk-json-text");
    const { user, options, state } = await begin(who, "Text", "secondary");
    expect(await finishPasskeyRegistration(user, who.session, { state, credential: JSON.stringify(valid(options)) }, newCtx())).toMatchObject({ ok: true });
  });

  const CONTENT: [string, (v: Valid) => unknown][] = [
    ["clientDataJSON not JSON", (v) => ({ ...v, response: { ...v.response, clientDataJSON: Buffer.from("{{{").toString("base64url") } })],
    ["attestationObject not CBOR", (v) => ({ ...v, response: { ...v.response, attestationObject: "AAAA" } })],
    ["attestationObject with no authData", (v) => ({ ...v, response: { ...v.response, attestationObject: Buffer.from([0xa0]).toString("base64url") } })],
    ["id and rawId differ", (v) => ({ ...v, rawId: "AAAA" })],
  ];

  it("well-formed but meaningless content is WEBAUTHN_NO_VERIFY, never a throw", async () => {
    const who = await signedInUser("pk-content");
    for (const [label, make] of CONTENT) {
      const { user, options, state } = await begin(who, "Content", "secondary");
      const result = await finishPasskeyRegistration(user, who.session, { state, credential: make(valid(options)) }, newCtx());
      expect(result, label).toEqual({ ok: false, code: "WEBAUTHN_NO_VERIFY" });
    }
    expect(await passkeysOf(who.user.id)).toEqual([]);
  });
});
