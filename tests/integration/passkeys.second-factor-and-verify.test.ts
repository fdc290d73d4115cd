// Threat: a stolen password plus someone else's (or the wrong kind of) passkey completes a sign-in,
// or refreshes a session's freshness. Guarantee: only the user's own passkey of the right usage does.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { hashToken } from "@/lib/security/core/crypto";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { beginPasskeySecondFactor, finishPasskeySecondFactor } from "@/lib/security/sign-in/passkey";
import { RATE_LIMITS } from "@/lib/security/core/rate-limit";
import { beginPasskeyReauthentication, reauthenticateWithPasskey } from "@/lib/security/re-verify/reauthenticate";
import { PENDING_MAX_FAILURES } from "@/lib/security/sign-in/second-factor";
import { chooseSecondFactor, verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { createSession, findActiveSession, isFresh } from "@/lib/security/sessions/store";
import { emailedCodeCount, eventsOf, latestEmailedCode, passwordStep, saveMethod, sessionCount } from "../support/two-factor";
import { newCtx, STRONG_PASSWORD } from "../support/flows";
import { addPasskey, ceremonyRow, expireCeremony, passkeyRow, reload, rpOrigin, signedInUser, type SignedIn } from "../support/passkeys";
import { SoftwareAuthenticator } from "../support/webauthn-authenticator";

const FAILURE_BUDGET = RATE_LIMITS.loginFailuresPerAccount.limit;

type WithKey = SignedIn & { key: SoftwareAuthenticator; credentialId: string };

/** A user (with a password) whose second factor is a security key registered as "second factor". */
async function withSecurityKey(tag: string): Promise<WithKey> {
  const who = await signedInUser(tag);
  const key = new SoftwareAuthenticator("cross-platform");
  const { credentialId } = await addPasskey(who, key, { name: "Security key", usage: "secondary" }, { userVerified: false });
  return { ...who, key, credentialId };
}

async function pendingRow(userId: string) {
  const db = await getDb();
  const [row] = await db.select().from(tables.pendingLogins).where(eq(tables.pendingLogins.userId, userId));
  return row;
}

async function secondFactorWith(pendingToken: string, key: SoftwareAuthenticator, credentialId?: string) {
  const started = await beginPasskeySecondFactor(pendingToken);
  if (!started.ok) throw new Error(`begin second factor failed: ${started.code}`);
  const credential = key.getAssertion(started.options, { origin: rpOrigin(), userVerified: false, credentialId });
  return finishPasskeySecondFactor(pendingToken, { state: started.state, credential }, newCtx());
}

describe("a passkey as the second factor", () => {
  it("the password leads to state 'ready' with method 'passkey'; the key finishes the sign-in and the pending login is gone", async () => {
    const who = await withSecurityKey("pk-2fa");
    const pending = await passwordStep(who.email);
    expect(pending).toMatchObject({ state: "ready", method: "passkey" });
    const sessionsBefore = await sessionCount(who.user.id);

    const started = await beginPasskeySecondFactor(pending.pendingToken);
    if (!started.ok) throw new Error(started.code);
    // Only this user's second-factor keys are offered, bound to this pending login.
    expect(started.options.allowCredentials?.map((c) => c.id)).toEqual([who.credentialId]);
    expect(await ceremonyRow(started.state)).toMatchObject({ purpose: "second-factor", userId: who.user.id, boundTo: hashToken(pending.pendingToken) });

    const credential = who.key.getAssertion(started.options, { origin: rpOrigin(), userVerified: false });
    const done = await finishPasskeySecondFactor(pending.pendingToken, { state: started.state, credential }, newCtx());
    expect(done).toMatchObject({ ok: true, next: null });
    if (!done.ok) return;
    const active = await findActiveSession(done.session.token);
    expect(active?.user.id).toBe(who.user.id);
    expect(active?.session.authnVia).toEqual(["password", "passkey"]);
    expect(await sessionCount(who.user.id)).toBe(sessionsBefore + 1);
    expect(await pendingRow(who.user.id)).toBeUndefined();
    expect((await passkeyRow(who.credentialId))?.signCount).toBe(1);
    expect((await eventsOf(who.user.id, "tf_code_confirmed")).map((e) => e.data)).toEqual([{ method: "passkey", name: "Security key" }]);

    // The pending login is spent: no second session from it.
    expect(await beginPasskeySecondFactor(pending.pendingToken)).toEqual({ ok: false, code: "TWO_FACTOR_PERMISSION_DENIED" });
    expect(await finishPasskeySecondFactor(pending.pendingToken, { state: started.state, credential }, newCtx())).toEqual({
      ok: false,
      code: "TWO_FACTOR_PERMISSION_DENIED",
    });
  });

  it("a 'sign in' passkey of the same user is refused as second factor (WEBAUTHN_CREDENTIAL_WRONG_USAGE)", async () => {
    const who = await withSecurityKey("pk-2fa-usage");
    const phone = new SoftwareAuthenticator();
    const { credentialId } = await addPasskey(who, phone, { name: "Phone", usage: "first" });
    const pending = await passwordStep(who.email);
    expect(await secondFactorWith(pending.pendingToken, phone, credentialId)).toEqual({ ok: false, code: "WEBAUTHN_CREDENTIAL_WRONG_USAGE" });
    expect(await sessionCount(who.user.id)).toBe(1);
    expect((await pendingRow(who.user.id))?.failedAttempts).toBe(1);
    // The pending login is still usable with the right key.
    expect(await secondFactorWith(pending.pendingToken, who.key)).toMatchObject({ ok: true });
  });

  it("another user's key is WEBAUTHN_MISMATCH_USER_HANDLE and counts as a failed attempt on the account", async () => {
    const alice = await withSecurityKey("pk-2fa-alice");
    const bob = await withSecurityKey("pk-2fa-bob");
    const pending = await passwordStep(alice.email);
    expect(await secondFactorWith(pending.pendingToken, bob.key, bob.credentialId)).toEqual({ ok: false, code: "WEBAUTHN_MISMATCH_USER_HANDLE" });
    expect((await pendingRow(alice.user.id))?.failedAttempts).toBe(1);
    expect(await sessionCount(alice.user.id)).toBe(1);
    expect(await sessionCount(bob.user.id)).toBe(1);
    expect((await passkeyRow(bob.credentialId))?.signCount).toBe(0);
    // The attempt is in the activity log of the account under attack, not the key owner's.
    expect((await eventsOf(alice.user.id, "user_failed_authn")).map((e) => e.data)).toEqual([
      { authType: "passkey", reason: "other_user", purpose: "second-factor" },
    ]);
    expect(await eventsOf(bob.user.id, "user_failed_authn")).toEqual([]);

    // With a forged user handle (Alice's) on Bob's key: still Bob's credential, still refused.
    const aliceHandle = alice.key.credential(alice.credentialId).userHandle;
    const started = await beginPasskeySecondFactor(pending.pendingToken);
    if (!started.ok) throw new Error(started.code);
    const forged = bob.key.getAssertion(started.options, { origin: rpOrigin(), credentialId: bob.credentialId, userHandle: aliceHandle });
    expect(await finishPasskeySecondFactor(pending.pendingToken, { state: started.state, credential: forged }, newCtx())).toEqual({
      ok: false,
      code: "WEBAUTHN_MISMATCH_USER_HANDLE",
    });
    expect((await pendingRow(alice.user.id))?.failedAttempts).toBe(2);
  });

  it(`foreign keys spend the account's failure budget: after ${FAILURE_BUDGET}, even the right password is refused`, async () => {
    const alice = await withSecurityKey("pk-2fa-budget");
    const bob = await withSecurityKey("pk-2fa-budget-bob");
    // A pending sign-in dies after PENDING_MAX_FAILURES wrong answers, so the attacker signs in again.
    for (let round = 0; round < FAILURE_BUDGET / PENDING_MAX_FAILURES; round++) {
      const pending = await passwordStep(alice.email);
      for (let i = 1; i <= PENDING_MAX_FAILURES; i++) {
        expect(await secondFactorWith(pending.pendingToken, bob.key, bob.credentialId), `round ${round} attempt ${i}`).toMatchObject({
          code: i < PENDING_MAX_FAILURES ? "WEBAUTHN_MISMATCH_USER_HANDLE" : "TWO_FACTOR_ATTEMPTS_EXCEEDED",
        });
      }
    }
    expect(await loginWithPassword({ identity: alice.email, password: STRONG_PASSWORD, remember: false }, newCtx())).toMatchObject({
      ok: false,
      code: "RATE_LIMITED",
    });
  });

  it("malformed answers are API_ERROR and are not counted as attempts", async () => {
    const who = await withSecurityKey("pk-2fa-garbage");
    const pending = await passwordStep(who.email);
    for (const credential of [null, "junk", { id: "x" }, []]) {
      const started = await beginPasskeySecondFactor(pending.pendingToken);
      if (!started.ok) throw new Error(started.code);
      expect(await finishPasskeySecondFactor(pending.pendingToken, { state: started.state, credential }, newCtx())).toEqual({ ok: false, code: "API_ERROR" });
    }
    expect((await pendingRow(who.user.id))?.failedAttempts).toBe(0);
  });

  it("the ceremony is bound to its pending login: another user's pending login cannot use it, and it expires", async () => {
    const alice = await withSecurityKey("pk-2fa-bound-a");
    const bob = await withSecurityKey("pk-2fa-bound-b");
    const alicePending = await passwordStep(alice.email);
    const bobPending = await passwordStep(bob.email);
    const started = await beginPasskeySecondFactor(alicePending.pendingToken);
    if (!started.ok) throw new Error(started.code);
    // Bob answers Alice's challenge with his own key, on his own pending login.
    const credential = bob.key.getAssertion(started.options, { origin: rpOrigin(), credentialId: bob.credentialId, userVerified: false });
    expect(await finishPasskeySecondFactor(bobPending.pendingToken, { state: started.state, credential }, newCtx())).toEqual({
      ok: false,
      code: "WEBAUTHN_EXPIRED",
    });
    expect(await sessionCount(bob.user.id)).toBe(1);

    const late = await beginPasskeySecondFactor(alicePending.pendingToken);
    if (!late.ok) throw new Error(late.code);
    await expireCeremony(late.state);
    const answer = alice.key.getAssertion(late.options, { origin: rpOrigin(), userVerified: false });
    expect(await finishPasskeySecondFactor(alicePending.pendingToken, { state: late.state, credential: answer }, newCtx())).toEqual({
      ok: false,
      code: "WEBAUTHN_EXPIRED",
    });
    expect(await sessionCount(alice.user.id)).toBe(1);
  });

  it("with a passkey and an email method the user chooses: 'select', then chooseSecondFactor makes it 'ready'", async () => {
    const who = await withSecurityKey("pk-2fa-select");
    await saveMethod(who.user.id, "email");
    const pending = await passwordStep(who.email);
    expect(pending).toMatchObject({ state: "select", method: null });
    // Nothing is sent and no ceremony starts before the choice.
    expect(await emailedCodeCount(who.email)).toBe(0);
    expect(await beginPasskeySecondFactor(pending.pendingToken)).toEqual({ ok: false, code: "TWO_FACTOR_PERMISSION_DENIED" });
    expect(await chooseSecondFactor(pending.pendingToken, "sms", newCtx())).toEqual({ ok: false, code: "TWO_FACTOR_METHOD_NOT_AVAILABLE" });

    expect(await chooseSecondFactor(pending.pendingToken, "passkey", newCtx())).toEqual({ ok: true, method: "passkey" });
    expect(await pendingRow(who.user.id)).toMatchObject({ state: "ready", method: "passkey" });
    expect(await emailedCodeCount(who.email)).toBe(0);
    expect(await secondFactorWith(pending.pendingToken, who.key)).toMatchObject({ ok: true });
  });

  it("choosing email instead sends the code, which signs in", async () => {
    const who = await withSecurityKey("pk-2fa-select-email");
    await saveMethod(who.user.id, "email");
    const pending = await passwordStep(who.email);
    expect(await chooseSecondFactor(pending.pendingToken, "email", newCtx())).toEqual({ ok: true, method: "email" });
    expect(await pendingRow(who.user.id)).toMatchObject({ state: "ready", method: "email" });
    expect(await emailedCodeCount(who.email)).toBe(1);
    expect(await verifySecondFactor(pending.pendingToken, await latestEmailedCode(who.email), newCtx())).toMatchObject({ ok: true });
  });
});

describe("re-verifying (freshness) with a passkey", () => {
  async function staleSession(who: SignedIn): Promise<Date> {
    const db = await getDb();
    const longAgo = new Date(Date.now() - 3 * 24 * 60 * 60 * 1000);
    await db
      .update(tables.sessions)
      .set({ authenticatedAt: longAgo, graceUntil: null })
      .where(eq(tables.sessions.tokenHash, hashToken(who.token)));
    const { session } = await reload(who.token);
    expect(isFresh(session)).toBe(false);
    return session.authenticatedAt;
  }

  it("the user's own passkey makes the session fresh again and records reauthenticated", async () => {
    const who = await signedInUser("pk-verify");
    const phone = new SoftwareAuthenticator();
    const { credentialId } = await addPasskey(who, phone, { name: "Phone", usage: "first" });
    const before = await staleSession(who);
    const { user, session } = await reload(who.token);

    const started = await beginPasskeyReauthentication(user, session);
    if (!started.ok) throw new Error(started.code);
    expect(started.options.allowCredentials?.map((c) => c.id)).toEqual([credentialId]);
    expect(await ceremonyRow(started.state)).toMatchObject({ purpose: "verify", userId: user.id, boundTo: session.tokenHash });
    const credential = phone.getAssertion(started.options, { origin: rpOrigin() });
    expect(await reauthenticateWithPasskey(user, session, { state: started.state, credential }, newCtx())).toEqual({ ok: true });

    const after = (await reload(who.token)).session;
    expect(after.authenticatedAt.getTime()).toBeGreaterThan(before.getTime());
    expect(isFresh(after)).toBe(true);
    expect(after.authnVia).toEqual(["password", "passkey"]);
    expect((await eventsOf(user.id, "reauthenticated")).map((e) => e.data)).toEqual([{ method: "passkey", name: "Phone" }]);
    // Single-use.
    expect(await reauthenticateWithPasskey(user, session, { state: started.state, credential }, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_EXPIRED" });
  });

  it("a 'second factor' key can verify too (SECURITY_WAN_ALLOW_AS_VERIFY default)", async () => {
    const who = await withSecurityKey("pk-verify-key");
    await staleSession(who);
    const { user, session } = await reload(who.token);
    const started = await beginPasskeyReauthentication(user, session);
    if (!started.ok) throw new Error(started.code);
    const credential = who.key.getAssertion(started.options, { origin: rpOrigin(), userVerified: false });
    expect(await reauthenticateWithPasskey(user, session, { state: started.state, credential }, newCtx())).toEqual({ ok: true });
    expect(isFresh((await reload(who.token)).session)).toBe(true);
  });

  it("another user's passkey is WEBAUTHN_MISMATCH_USER_HANDLE and leaves authenticated_at unchanged", async () => {
    const alice = await signedInUser("pk-verify-alice");
    await addPasskey(alice, new SoftwareAuthenticator(), { name: "Alice phone", usage: "first" });
    const bob = await signedInUser("pk-verify-bob");
    const bobPhone = new SoftwareAuthenticator();
    const { credentialId: bobCredential } = await addPasskey(bob, bobPhone, { name: "Bob phone", usage: "first" });
    const before = await staleSession(alice);
    const { user, session } = await reload(alice.token);

    const started = await beginPasskeyReauthentication(user, session);
    if (!started.ok) throw new Error(started.code);
    const credential = bobPhone.getAssertion(started.options, { origin: rpOrigin(), credentialId: bobCredential });
    expect(await reauthenticateWithPasskey(user, session, { state: started.state, credential }, newCtx())).toEqual({
      ok: false,
      code: "WEBAUTHN_MISMATCH_USER_HANDLE",
    });
    const after = (await reload(alice.token)).session;
    expect(after.authenticatedAt.getTime()).toBe(before.getTime());
    expect(isFresh(after)).toBe(false);
    expect(after.authnVia).toEqual(["password"]);
    expect(await eventsOf(user.id, "reauthenticated")).toEqual([]);
    expect((await passkeyRow(bobCredential))?.signCount).toBe(0);
    expect((await eventsOf(alice.user.id, "user_failed_authn")).map((e) => e.data)).toEqual([{ authType: "passkey", reason: "other_user", purpose: "verify" }]);
    expect(await eventsOf(bob.user.id, "user_failed_authn")).toEqual([]);
  });

  it("the verify state is bound to the session that started it", async () => {
    const who = await signedInUser("pk-verify-bound");
    const phone = new SoftwareAuthenticator();
    await addPasskey(who, phone, { name: "Phone", usage: "first" });
    const before = await staleSession(who);
    const other = await createSession(who.user, { authnVia: ["password"], remember: false, ctx: newCtx() });
    const { user, session } = await reload(who.token);
    const otherSession = (await reload(other.token)).session;

    const started = await beginPasskeyReauthentication(user, session);
    if (!started.ok) throw new Error(started.code);
    const credential = phone.getAssertion(started.options, { origin: rpOrigin() });
    expect(await reauthenticateWithPasskey(user, otherSession, { state: started.state, credential }, newCtx())).toEqual({
      ok: false,
      code: "WEBAUTHN_EXPIRED",
    });
    expect((await reload(who.token)).session.authenticatedAt.getTime()).toBe(before.getTime());
  });

  it("an expired verify state is WEBAUTHN_EXPIRED; a user with no passkey cannot start one", async () => {
    const who = await signedInUser("pk-verify-expired");
    const phone = new SoftwareAuthenticator();
    await addPasskey(who, phone, { name: "Phone", usage: "first" });
    const before = await staleSession(who);
    const { user, session } = await reload(who.token);
    const started = await beginPasskeyReauthentication(user, session);
    if (!started.ok) throw new Error(started.code);
    await expireCeremony(started.state);
    const credential = phone.getAssertion(started.options, { origin: rpOrigin() });
    expect(await reauthenticateWithPasskey(user, session, { state: started.state, credential }, newCtx())).toEqual({ ok: false, code: "WEBAUTHN_EXPIRED" });
    expect((await reload(who.token)).session.authenticatedAt.getTime()).toBe(before.getTime());

    const none = await signedInUser("pk-verify-none");
    expect(await beginPasskeyReauthentication(none.user, none.session)).toEqual({ ok: false, code: "WEBAUTHN_NOT_AVAILABLE" });
  });
});
