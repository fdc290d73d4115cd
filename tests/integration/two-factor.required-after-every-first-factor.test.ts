// Threat: a user whose role requires two-factor, with no second factor yet, signs in with a first
// factor that is not a password (an SMS or authenticator code, a link, a passkey without user
// verification) and skips set-up; or gets the role while signed in and keeps a one-factor session.
// Guarantee: every first factor leads to set-up; a one-factor session must step up on its next request.
import { describe, expect, it } from "vitest";
import { isMultiFactor } from "@/lib/security/core/authn-methods";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { beginPasskeySignIn, finishPasskeySignIn } from "@/lib/security/sign-in/passkey";
import { sessionNeedsStepUp } from "@/lib/security/core/two-factor-required";
import { stepUpSession } from "@/lib/security/sign-in/second-factor";
import { findActiveSession } from "@/lib/security/sessions/store";
import { redeemMagicLink, requestMagicLink } from "@/lib/security/sign-in/magic-link";
import { signInWithPasscode } from "@/lib/security/sign-in/passcode";
import { addRoleToUser } from "@/lib/security/accounts/user-roles";
import { newCtx, STRONG_PASSWORD, withEnv } from "../support/flows";
import { addPasskey, rpOrigin, signedInUser } from "../support/passkeys";
import { codeAt } from "../support/two-factor";
import { latestLinkToken, pendingLoginsOf, unifiedUser, type UnifiedUser } from "../support/unified";
import { SoftwareAuthenticator } from "../support/webauthn-authenticator";

const REQUIRED = { SECURITY_TWO_FACTOR_REQUIRED_ROLES: "ops" };
const NONCE = "b".repeat(43);

async function opsUser(tag: string): Promise<UnifiedUser> {
  const u = await unifiedUser(tag, ["email", "sms", "authenticator"]);
  await addRoleToUser(u.user.id, "ops");
  return u;
}

describe("required two-factor, no second factor yet: set-up after any first factor", () => {
  it.each(["password", "email", "sms", "authenticator"] as const)("a %s in the unified box leads to set-up, not a session", async (via) => {
    await withEnv(REQUIRED, async () => {
      const u = await opsUser(`req-${via}`);
      const passcode = via === "password" ? STRONG_PASSWORD : await codeAt(u.secrets[via]!);
      const result = await signInWithPasscode({ identity: u.email, passcode, remember: false }, newCtx());
      expect(result).toMatchObject({ ok: true, via: [via], outcome: { status: "second-factor", state: "setup" } });
      expect((await pendingLoginsOf(u.user.id)).map((p) => p.authnVia)).toEqual([[via]]);
    });
  });

  it("a password on the classic form leads to set-up", async () => {
    await withEnv(REQUIRED, async () => {
      const u = await opsUser("req-classic");
      const result = await loginWithPassword({ identity: u.email, password: STRONG_PASSWORD, remember: false }, newCtx());
      expect(result).toMatchObject({ ok: true, outcome: { status: "second-factor", state: "setup" } });
    });
  });

  it("an emailed sign-in link leads to set-up", async () => {
    await withEnv(REQUIRED, async () => {
      const u = await opsUser("req-link");
      await requestMagicLink({ email: u.email, browserNonce: NONCE }, newCtx());
      const result = await redeemMagicLink({ token: await latestLinkToken(u.email), browserNonce: NONCE }, newCtx());
      expect(result).toMatchObject({ ok: true, via: ["magic-link"], outcome: { status: "second-factor", state: "setup" } });
    });
  });

  it("a passkey without user verification leads to set-up; with it, the passkey is both factors", async () => {
    await withEnv(REQUIRED, async () => {
      const who = await signedInUser("req-passkey");
      await addRoleToUser(who.user.id, "ops");
      const authenticator = new SoftwareAuthenticator();
      await addPasskey(who, authenticator, { name: "Phone", usage: "first" });
      const signIn = async (userVerified: boolean) => {
        const started = await beginPasskeySignIn(newCtx());
        if (!started.ok) throw new Error(started.code);
        const credential = authenticator.getAssertion(started.options, { origin: rpOrigin(), userVerified });
        return finishPasskeySignIn({ state: started.state, credential, remember: false, next: null }, newCtx());
      };
      expect(await signIn(false)).toMatchObject({ ok: true, via: ["passkey"], outcome: { status: "second-factor", state: "setup" } });
      expect(await signIn(true)).toMatchObject({ ok: true, via: ["passkey", "user-verification"], outcome: { status: "signed-in" } });
    });
  });

  it("without the requirement, SMS and authenticator codes still sign in alone (Flask-Security's SECURITY_US_MFA_REQUIRED)", async () => {
    const u = await unifiedUser("req-none", ["sms"]);
    const result = await signInWithPasscode({ identity: u.email, passcode: await codeAt(u.secrets.sms!), remember: false }, newCtx());
    expect(result).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
  });
});

describe("a role that requires two-factor, given mid-session", () => {
  it("makes a one-factor session step up; the step up keeps its first factor and asks for set-up", async () => {
    const u = await unifiedUser("req-mid", ["sms"]);
    const signedIn = await signInWithPasscode({ identity: u.email, passcode: await codeAt(u.secrets.sms!), remember: true }, newCtx());
    if (!signedIn.ok || signedIn.outcome.status !== "signed-in") throw new Error("expected a session");
    const before = await findActiveSession(signedIn.outcome.session.token);
    expect(sessionNeedsStepUp(before!.authorization.roles, before!.session.authnVia)).toBe(false);

    await addRoleToUser(u.user.id, "ops");
    await withEnv(REQUIRED, async () => {
      // The very next request reads the new role in the same query as the session.
      const now = await findActiveSession(signedIn.outcome.status === "signed-in" ? signedIn.outcome.session.token : "");
      expect(now!.authorization.roles).toContain("ops");
      expect(sessionNeedsStepUp(now!.authorization.roles, now!.session.authnVia)).toBe(true);
      const stepped = await stepUpSession(now!, "/account", newCtx());
      expect(stepped).toMatchObject({ ok: true, status: "second-factor", state: "setup" });
      const [pending] = await pendingLoginsOf(u.user.id);
      expect(pending).toMatchObject({ authnVia: ["sms"], remember: true, next: "/account" });
    });
  });

  it("a session already proven with two channels needs nothing more", () => {
    expect(isMultiFactor(["password", "authenticator"])).toBe(true);
    expect(isMultiFactor(["passkey", "user-verification"])).toBe(true);
    expect(isMultiFactor(["magic-link", "remembered-device"])).toBe(true);
    // Rows written before channels were recorded.
    expect(isMultiFactor(["password", "two-factor"])).toBe(true);
    expect(isMultiFactor(["password"])).toBe(false);
    expect(isMultiFactor(["magic-link", "rescue-email"])).toBe(false);
    expect(isMultiFactor(["password", "verify"])).toBe(false);
  });
});
