// Threat: a username-less passkey sign-in opens an account with a cloned, replayed, misused or
// foreign credential, or skips the second factor. Guarantee: only a valid, fresh, first-usage assertion does.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { closeDb, getDb, tables } from "@/lib/db";
import { beginPasskeyRegistration } from "@/lib/security/passkeys/registration";
import { beginPasskeySignIn, finishPasskeySignIn } from "@/lib/security/sign-in/passkey";
import { findActiveSession } from "@/lib/security/sessions/store";
import { deactivateUser } from "@/lib/security/accounts/activation";
import { newCtx } from "../support/flows";
import { addPasskey, ceremonyRow, expireCeremony, passkeyRow, rpOrigin, signedInUser, type SignedIn } from "../support/passkeys";
import { eventsOf, saveMethod, sessionCount } from "../support/two-factor";
import { type GetAssertionOptions, SoftwareAuthenticator } from "../support/webauthn-authenticator";

/** A user with one "sign in" passkey on a platform authenticator. */
async function withSignInPasskey(tag: string): Promise<SignedIn & { authenticator: SoftwareAuthenticator; credentialId: string }> {
  const who = await signedInUser(tag);
  const authenticator = new SoftwareAuthenticator();
  const { credentialId } = await addPasskey(who, authenticator, { name: "Phone", usage: "first" });
  return { ...who, authenticator, credentialId };
}

async function start() {
  const started = await beginPasskeySignIn(newCtx());
  if (!started.ok) throw new Error(`begin sign-in failed: ${started.code}`);
  return started;
}

/** Begin, answer with `authenticator`, finish. */
async function signIn(authenticator: SoftwareAuthenticator, assertion: Partial<GetAssertionOptions> = {}) {
  const { options, state } = await start();
  const credential = authenticator.getAssertion(options, { origin: rpOrigin(), ...assertion });
  return finishPasskeySignIn({ state, credential, remember: false, next: null }, newCtx());
}

describe("username-less sign-in with a passkey", () => {
  it("offers every discoverable passkey (no allowCredentials) and keeps the challenge in the database", async () => {
    const { options, state } = await start();
    expect(options.allowCredentials ?? []).toEqual([]);
    expect(options.rpId).toBe(new URL(rpOrigin()).hostname);
    const row = await ceremonyRow(state);
    expect(row).toMatchObject({ purpose: "sign-in", challenge: options.challenge, userId: null, boundTo: null });
    // SECURITY_WAN_SIGNIN_WITHIN: 60 seconds.
    const ttl = (row?.expiresAt.getTime() ?? 0) - Date.now();
    expect(ttl).toBeGreaterThan(50_000);
    expect(ttl).toBeLessThanOrEqual(60_000);
  });

  it("a 'sign in' passkey with user verification signs in: passkey session, counter and last use stored", async () => {
    const who = await withSignInPasskey("pk-signin");
    expect((await passkeyRow(who.credentialId))?.lastUsedAt).toBeNull();
    const result = await signIn(who.authenticator);
    expect(result).toMatchObject({ ok: true, user: { id: who.user.id }, outcome: { status: "signed-in" } });
    if (!result.ok || result.outcome.status !== "signed-in") return;
    const active = await findActiveSession(result.outcome.session.token);
    expect(active?.user.id).toBe(who.user.id);
    // Possession plus the device's PIN or biometric: two factors in one ceremony.
    expect(active?.session.authnVia).toEqual(["passkey", "user-verification"]);
    const row = await passkeyRow(who.credentialId);
    expect(row?.signCount).toBe(1);
    expect(row?.lastUsedAt).toBeInstanceOf(Date);
    expect(Math.abs((row?.lastUsedAt?.getTime() ?? 0) - Date.now())).toBeLessThan(60_000);
    const events = await eventsOf(who.user.id, "user_authenticated");
    expect(events.map((e) => e.data)).toContainEqual(expect.objectContaining({ authnVia: ["passkey", "user-verification"] }));

    // The next sign-in moves the counter on again.
    expect(await signIn(who.authenticator)).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
    expect((await passkeyRow(who.credentialId))?.signCount).toBe(2);
  });

  it("without user verification, an account with a second factor gets a pending login, not a session", async () => {
    const who = await withSignInPasskey("pk-signin-nouv");
    await saveMethod(who.user.id, "authenticator");
    const sessionsBefore = await sessionCount(who.user.id);
    const result = await signIn(who.authenticator, { userVerified: false });
    expect(result).toMatchObject({ ok: true, outcome: { status: "second-factor", state: "ready", method: "authenticator" } });
    expect(await sessionCount(who.user.id)).toBe(sessionsBefore);
    // With user verification the passkey is both factors.
    expect(await signIn(who.authenticator)).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
  });

  it("an authenticator that does not count (always 0) is accepted", async () => {
    const who = await withSignInPasskey("pk-signin-zero");
    expect(await signIn(who.authenticator, { counter: 0 })).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
    expect(await signIn(who.authenticator, { counter: 0 })).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
    expect((await passkeyRow(who.credentialId))?.signCount).toBe(0);
  });
});

describe("refused credentials", () => {
  it("a credential the server never registered is WEBAUTHN_UNKNOWN_CREDENTIAL_ID", async () => {
    const who = await signedInUser("pk-unknown");
    const authenticator = new SoftwareAuthenticator();
    // Created on the authenticator, but the registration was never finished.
    const started = await beginPasskeyRegistration(who.user, who.session, { name: "Never saved", usage: "first" });
    if (!started.ok) throw new Error(started.code);
    authenticator.createCredential(started.options, { origin: rpOrigin() });
    expect(await signIn(authenticator)).toEqual({ ok: false, code: "WEBAUTHN_UNKNOWN_CREDENTIAL_ID" });
    expect(await sessionCount(who.user.id)).toBe(1);
  });

  it("a 'second factor' passkey cannot be the first factor: WEBAUTHN_CREDENTIAL_WRONG_USAGE", async () => {
    const who = await signedInUser("pk-wrong-usage");
    const authenticator = new SoftwareAuthenticator();
    // Even a discoverable key with UV: its registered usage decides.
    const { credentialId } = await addPasskey(who, authenticator, { name: "Key", usage: "secondary" }, { discoverable: true });
    expect(await signIn(authenticator, { credentialId })).toEqual({ ok: false, code: "WEBAUTHN_CREDENTIAL_WRONG_USAGE" });
    expect(await sessionCount(who.user.id)).toBe(1);
    expect((await passkeyRow(credentialId))?.signCount).toBe(0);
    const failed = await eventsOf(who.user.id, "user_failed_authn");
    expect(failed.map((e) => e.data)).toContainEqual(expect.objectContaining({ authType: "passkey", reason: "usage" }));
  });

  it("a userHandle that is not the credential owner's is WEBAUTHN_MISMATCH_USER_HANDLE", async () => {
    const alice = await withSignInPasskey("pk-uh-alice");
    const bob = await withSignInPasskey("pk-uh-bob");
    const bobHandle = bob.authenticator.credential(bob.credentialId).userHandle;
    expect(await signIn(alice.authenticator, { userHandle: bobHandle })).toEqual({ ok: false, code: "WEBAUTHN_MISMATCH_USER_HANDLE" });
    expect(await sessionCount(alice.user.id)).toBe(1);
    expect(await sessionCount(bob.user.id)).toBe(1);
    // No handle at all (allowed by the spec for non-discoverable credentials) is judged by the credential.
    expect(await signIn(alice.authenticator, { userHandle: null })).toMatchObject({ ok: true, user: { id: alice.user.id } });
  });

  it("a disabled account is DISABLED_ACCOUNT", async () => {
    const who = await withSignInPasskey("pk-disabled");
    expect(await deactivateUser(who.user.id)).toMatchObject({ ok: true, changed: true });
    // Deactivation deleted the session it had; the refused sign-in writes none.
    expect(await sessionCount(who.user.id)).toBe(0);
    expect(await signIn(who.authenticator)).toEqual({ ok: false, code: "DISABLED_ACCOUNT" });
    expect(await sessionCount(who.user.id)).toBe(0);
  });

  it("a counter that goes backwards (a cloned authenticator) is WEBAUTHN_NO_VERIFY and leaves the stored counter", async () => {
    const who = await withSignInPasskey("pk-clone");
    await signIn(who.authenticator);
    await signIn(who.authenticator);
    await signIn(who.authenticator);
    expect((await passkeyRow(who.credentialId))?.signCount).toBe(3);
    const before = await sessionCount(who.user.id);
    for (const counter of [2, 3, 0]) {
      expect(await signIn(who.authenticator, { counter }), `counter ${counter}`).toEqual({ ok: false, code: "WEBAUTHN_NO_VERIFY" });
    }
    expect((await passkeyRow(who.credentialId))?.signCount).toBe(3);
    expect(await sessionCount(who.user.id)).toBe(before);
    const failed = await eventsOf(who.user.id, "user_failed_authn");
    expect(failed.filter((e) => (e.data as { authType?: string }).authType === "passkey")).toHaveLength(3);
    // The genuine authenticator carries on.
    expect(await signIn(who.authenticator)).toMatchObject({ ok: true });
    expect((await passkeyRow(who.credentialId))?.signCount).toBe(4);
  });

  it.each([
    ["another origin", { origin: "https://evil.example" }],
    ["another RP ID", { rpId: "evil.example" }],
    ["another challenge", { challenge: "AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }],
    ["a create (registration) clientData type", { type: "webauthn.create" }],
    ["no user presence", { userPresent: false }],
  ] as const)("%s is WEBAUTHN_NO_VERIFY", async (_label, tamper) => {
    const who = await withSignInPasskey("pk-signin-tamper");
    expect(await signIn(who.authenticator, tamper)).toEqual({ ok: false, code: "WEBAUTHN_NO_VERIFY" });
    expect(await sessionCount(who.user.id)).toBe(1);
    expect((await passkeyRow(who.credentialId))?.signCount).toBe(0);
  });

  it("a signature by another key over the same data is WEBAUTHN_NO_VERIFY", async () => {
    const who = await withSignInPasskey("pk-forged");
    const { options, state } = await start();
    const genuine = who.authenticator.getAssertion(options, { origin: rpOrigin() });
    // Same credential ID, but the attacker's own key pair signs.
    const forger = new SoftwareAuthenticator();
    const started = await beginPasskeyRegistration(who.user, who.session, { name: "Forger", usage: "first" });
    if (!started.ok) throw new Error(started.code);
    forger.createCredential({ ...started.options, excludeCredentials: [] }, { origin: rpOrigin(), credentialId: who.credentialId });
    const forged = forger.getAssertion(options, { origin: rpOrigin(), credentialId: who.credentialId });
    expect(forged.response.signature).not.toBe(genuine.response.signature);
    expect(await finishPasskeySignIn({ state, credential: forged, remember: false, next: null }, newCtx())).toEqual({
      ok: false,
      code: "WEBAUTHN_NO_VERIFY",
    });
  });

  it("malformed assertions are API_ERROR and never throw", async () => {
    const who = await withSignInPasskey("pk-signin-garbage");
    const shapes: [string, (v: ReturnType<SoftwareAuthenticator["getAssertion"]>) => unknown][] = [
      ["null", () => null],
      ["an array", (v) => [v]],
      ["not JSON", () => "{nope"],
      ["no signature", (v) => ({ ...v, response: { clientDataJSON: v.response.clientDataJSON, authenticatorData: v.response.authenticatorData } })],
      ["signature a number", (v) => ({ ...v, response: { ...v.response, signature: 7 } })],
      ["userHandle an object", (v) => ({ ...v, response: { ...v.response, userHandle: { id: "x" } } })],
      ["userHandle empty", (v) => ({ ...v, response: { ...v.response, userHandle: "" } })],
      ["userHandle of 300 characters", (v) => ({ ...v, response: { ...v.response, userHandle: "A".repeat(300) } })],
      ["id and rawId differ", (v) => ({ ...v, rawId: "AAAA" })],
      ["id not base64url", (v) => ({ ...v, id: "a/b+c", rawId: "a/b+c" })],
      ["authenticatorData of 20 kB", (v) => ({ ...v, response: { ...v.response, authenticatorData: "A".repeat(20_000) } })],
    ];
    for (const [label, make] of shapes) {
      const { options, state } = await start();
      const credential = make(who.authenticator.getAssertion(options, { origin: rpOrigin(), counter: 0 }));
      expect(await finishPasskeySignIn({ state, credential, remember: false, next: null }, newCtx()), label).toEqual({ ok: false, code: "API_ERROR" });
    }
    expect(await sessionCount(who.user.id)).toBe(1);
  });
});

describe("the sign-in state", () => {
  it("is single-use: replaying the answer with its state is WEBAUTHN_EXPIRED; with a new state, WEBAUTHN_NO_VERIFY", async () => {
    const who = await withSignInPasskey("pk-replay");
    const { options, state } = await start();
    const credential = who.authenticator.getAssertion(options, { origin: rpOrigin() });
    expect(await finishPasskeySignIn({ state, credential, remember: false, next: null }, newCtx())).toMatchObject({ ok: true });
    expect(await ceremonyRow(state)).toBeUndefined();
    expect(await finishPasskeySignIn({ state, credential, remember: false, next: null }, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_EXPIRED" });
    const fresh = await start();
    expect(await finishPasskeySignIn({ state: fresh.state, credential, remember: false, next: null }, newCtx())).toEqual({
      ok: false,
      code: "WEBAUTHN_NO_VERIFY",
    });
    expect(await sessionCount(who.user.id)).toBe(2);
  });

  it("the same valid answer submitted twice at once signs in exactly once", async () => {
    const who = await withSignInPasskey("pk-race");
    const { options, state } = await start();
    const credential = who.authenticator.getAssertion(options, { origin: rpOrigin() });
    const results = await Promise.all(Array.from({ length: 4 }, () => finishPasskeySignIn({ state, credential, remember: false, next: null }, newCtx())));
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.filter((r) => !r.ok)).toEqual(Array(3).fill({ ok: false, code: "WEBAUTHN_EXPIRED" }));
    expect(await sessionCount(who.user.id)).toBe(2);
    expect((await passkeyRow(who.credentialId))?.signCount).toBe(1);
  });

  it("two different answers racing with the same counter (a clone) sign in at most once", async () => {
    const who = await withSignInPasskey("pk-race-clone");
    const [a, b] = await Promise.all([start(), start()]);
    const answerA = who.authenticator.getAssertion(a.options, { origin: rpOrigin(), counter: 5 });
    const answerB = who.authenticator.getAssertion(b.options, { origin: rpOrigin(), counter: 5 });
    const results = await Promise.all([
      finishPasskeySignIn({ state: a.state, credential: answerA, remember: false, next: null }, newCtx()),
      finishPasskeySignIn({ state: b.state, credential: answerB, remember: false, next: null }, newCtx()),
    ]);
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(results.find((r) => !r.ok)).toEqual({ ok: false, code: "WEBAUTHN_NO_VERIFY" });
    expect((await passkeyRow(who.credentialId))?.signCount).toBe(5);
  });

  it("an expired challenge is WEBAUTHN_EXPIRED even with a valid answer", async () => {
    const who = await withSignInPasskey("pk-expired");
    const { options, state } = await start();
    await expireCeremony(state);
    const credential = who.authenticator.getAssertion(options, { origin: rpOrigin() });
    expect(await finishPasskeySignIn({ state, credential, remember: false, next: null }, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_EXPIRED" });
    expect(await sessionCount(who.user.id)).toBe(1);
    expect((await passkeyRow(who.credentialId))?.lastUsedAt).toBeNull();
  });

  it("lives only in the database: started, then the connection closed and reopened (another instance), it finishes", async () => {
    const who = await withSignInPasskey("pk-instances");
    const { options, state } = await start();
    expect(await ceremonyRow(state)).toMatchObject({ purpose: "sign-in", challenge: options.challenge });
    // Everything this process held (pool, PGlite handle) is dropped; the next getDb() opens afresh.
    await closeDb();
    const credential = who.authenticator.getAssertion(options, { origin: rpOrigin() });
    const result = await finishPasskeySignIn({ state, credential, remember: false, next: null }, newCtx());
    expect(result).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
    const db = await getDb();
    expect(await db.select().from(tables.webauthnChallenges).where(eq(tables.webauthnChallenges.challenge, options.challenge))).toEqual([]);
  });
});
