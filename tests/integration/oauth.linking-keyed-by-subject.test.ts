// Threat: someone takes over an account through a provider — an email typed into a provider profile
// (unverified), an email that moved to another person, another account of the same provider.
// Guarantee: the subject decides, an unverified email never finds or links, and the gate still applies.
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { findActiveSession } from "@/lib/security/sessions/store";
import type { ProviderIdentity } from "@/lib/security/sessions/oauth-handoff";
import { signInWithOAuth } from "@/lib/security/sign-in/oauth";
import { linkIdentity, listLinks, unlinkProvider } from "@/lib/security/oauth/links";
import { reauthenticateWithOAuth } from "@/lib/security/re-verify/reauthenticate";
import { oauthVerifyProviders, reauthDetails } from "@/lib/api/reauth";
import { deactivateUser } from "@/lib/security/accounts/activation";
import { countUsersWithEmail, latestMail, newCtx, uniqueEmail, userByEmail, withEnv, withEnvForTheFile } from "../support/flows";
import { removePassword, signedInUser } from "../support/passkeys";
import { eventsOf, saveMethod } from "../support/two-factor";

withEnvForTheFile({ AUTH_OIDC_ISSUER: "http://localhost:3699", AUTH_OIDC_ID: "gatehouse-test", AUTH_OIDC_SECRET: "test-secret", AUTH_OIDC_NAME: "Test ID" });

function identity(email: string | null, emailVerified: boolean, subject = `sub-${crypto.randomUUID()}`): ProviderIdentity {
  return { provider: "oidc", subject, email, emailVerified };
}

const options = { remember: false, next: null };

async function linksOf(userId: string) {
  return listLinks(userId);
}

describe("which account a provider identity signs in to", () => {
  it("a verified email finds its account, links it by subject, mails the owner and signs in", async () => {
    const who = await signedInUser("oauth-verified");
    const id = identity(who.email, true);
    const result = await signInWithOAuth(id, options, newCtx());
    expect(result).toMatchObject({ ok: true, user: { id: who.user.id }, via: ["oauth"], outcome: { status: "signed-in" } });
    if (!result.ok || result.outcome.status !== "signed-in") throw new Error("not signed in");
    expect((await findActiveSession(result.outcome.session.token))?.session.authnVia).toEqual(["oauth"]);
    expect(await linksOf(who.user.id)).toMatchObject([{ provider: "oidc", subject: id.subject, email: who.email }]);
    expect((await latestMail(who.email))?.subject).toBe("Gatehouse: A sign-in provider was linked to your account");
    expect(await eventsOf(who.user.id, "oauth_linked")).toHaveLength(1);
  });

  it("the subject wins over the email: a linked subject signs in to its account whatever email it now carries", async () => {
    const owner = await signedInUser("oauth-owner");
    const other = await signedInUser("oauth-other");
    const id = identity(owner.email, true);
    expect((await signInWithOAuth(id, options, newCtx())).ok).toBe(true);
    // The provider account's email changed to the other person's (verified) address.
    const moved = await signInWithOAuth({ ...id, email: other.email }, options, newCtx());
    expect(moved).toMatchObject({ ok: true, user: { id: owner.user.id } });
    expect(await linksOf(other.user.id)).toEqual([]);
  });

  it("an unverified email never finds an account, never links, never creates one", async () => {
    const who = await signedInUser("oauth-unverified");
    const refused = await signInWithOAuth(identity(who.email, false), options, newCtx());
    expect(refused).toMatchObject({ ok: false, code: "IDENTITY_NOT_REGISTERED" });
    expect(await linksOf(who.user.id)).toEqual([]);
    const email = uniqueEmail("oauth-unverified-new");
    await withEnv({ SECURITY_OAUTH_ALLOW_REGISTER: "true" }, async () => {
      expect(await signInWithOAuth(identity(email, false), options, newCtx())).toMatchObject({ ok: false, code: "IDENTITY_NOT_REGISTERED" });
    });
    expect(await countUsersWithEmail(email)).toBe(0);
  });

  it("a second identity of the same provider does not take over an account that already has one linked", async () => {
    const who = await signedInUser("oauth-second");
    expect((await signInWithOAuth(identity(who.email, true), options, newCtx())).ok).toBe(true);
    const intruder = await signInWithOAuth(identity(who.email, true), options, newCtx());
    expect(intruder).toMatchObject({ ok: false, code: "IDENTITY_NOT_REGISTERED" });
    expect(await linksOf(who.user.id)).toHaveLength(1);
  });

  it("with linking by email switched off, a verified email alone does not link", async () => {
    const who = await signedInUser("oauth-nolink");
    await withEnv({ SECURITY_OAUTH_LINK_BY_VERIFIED_EMAIL: "false" }, async () => {
      expect(await signInWithOAuth(identity(who.email, true), options, newCtx())).toMatchObject({ ok: false, code: "IDENTITY_NOT_REGISTERED" });
    });
    expect(await linksOf(who.user.id)).toEqual([]);
  });

  it("an unknown identity is IDENTITY_NOT_REGISTERED by default; SECURITY_OAUTH_ALLOW_REGISTER creates a confirmed, linked account", async () => {
    const email = uniqueEmail("oauth-new");
    expect(await signInWithOAuth(identity(email, true), options, newCtx())).toMatchObject({ ok: false, code: "IDENTITY_NOT_REGISTERED" });
    expect(await countUsersWithEmail(email)).toBe(0);
    const id = identity(email, true);
    const created = await withEnv({ SECURITY_OAUTH_ALLOW_REGISTER: "true" }, () => signInWithOAuth(id, options, newCtx()));
    expect(created).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
    const user = await userByEmail(email);
    expect(user.confirmedAt).not.toBeNull();
    expect(user.passwordHash).toBeNull();
    expect(await linksOf(user.id)).toMatchObject([{ subject: id.subject }]);
  });

  it("a disabled account is DISABLED_ACCOUNT, linked or not, and gains no link", async () => {
    const who = await signedInUser("oauth-disabled");
    const linked = await signedInUser("oauth-disabled-linked");
    const id = identity(linked.email, true);
    expect((await signInWithOAuth(id, options, newCtx())).ok).toBe(true);
    await deactivateUser(who.user.id);
    await deactivateUser(linked.user.id);
    expect(await signInWithOAuth(identity(who.email, true), options, newCtx())).toMatchObject({ ok: false, code: "DISABLED_ACCOUNT" });
    expect(await linksOf(who.user.id)).toEqual([]);
    expect(await signInWithOAuth(id, options, newCtx())).toMatchObject({ ok: false, code: "DISABLED_ACCOUNT" });
  });

  it("two-factor applies as after a password: an account with an authenticator gets a pending sign-in, no session", async () => {
    const who = await signedInUser("oauth-2fa");
    await saveMethod(who.user.id, "authenticator");
    const result = await signInWithOAuth(identity(who.email, true), options, newCtx());
    expect(result).toMatchObject({ ok: true, outcome: { status: "second-factor", method: "authenticator" } });
  });

  it("an emailed code is not a second factor after a provider (the provider may be the mailbox)", async () => {
    const who = await signedInUser("oauth-2fa-email");
    await saveMethod(who.user.id, "email");
    const result = await signInWithOAuth(identity(who.email, true), options, newCtx());
    // The pending sign-in cannot be finished by the same channel: the emailed code is not offered.
    if (!result.ok || result.outcome.status !== "second-factor") throw new Error(`expected a pending sign-in, got ${JSON.stringify(result)}`);
    expect(result.outcome.methods).not.toContain("email");
  });
});

describe("linking, unlinking and re-verifying", () => {
  it("an identity linked to one account cannot be linked to another", async () => {
    const a = await signedInUser("oauth-link-a");
    const b = await signedInUser("oauth-link-b");
    const id = identity(null, false);
    expect((await linkIdentity(a.user, id, newCtx())).ok).toBe(true);
    expect(await linkIdentity(b.user, id, newCtx())).toMatchObject({ ok: false, code: "OAUTH_IDENTITY_IN_USE" });
    expect(await linkIdentity(a.user, identity(null, false), newCtx())).toMatchObject({ ok: false, code: "OAUTH_PROVIDER_ALREADY_LINKED" });
  });

  it("the last way to sign in cannot be unlinked; with a password it can", async () => {
    const who = await signedInUser("oauth-unlink");
    expect((await linkIdentity(who.user, identity(null, false), newCtx())).ok).toBe(true);
    await removePassword(who.user.id);
    expect(await unlinkProvider(who.user, "oidc", newCtx())).toMatchObject({ ok: false, code: "OAUTH_LAST_SIGN_IN_METHOD" });
    expect(await linksOf(who.user.id)).toHaveLength(1);
    const db = await getDb();
    await db.update(tables.users).set({ passwordHash: "x" }).where(eq(tables.users.id, who.user.id));
    expect(await unlinkProvider(who.user, "oidc", newCtx())).toEqual({ ok: true });
    expect(await linksOf(who.user.id)).toEqual([]);
    expect(await eventsOf(who.user.id, "oauth_unlinked")).toHaveLength(1);
  });

  it("re-verify counts only the linked identity: another provider account with the same email leaves freshness unchanged", async () => {
    const who = await signedInUser("oauth-verify");
    const id = identity(who.email, true);
    expect((await linkIdentity(who.user, id, newCtx())).ok).toBe(true);
    const db = await getDb();
    const stale = new Date(Date.now() - 3 * 3600_000);
    await db.update(tables.sessions).set({ authenticatedAt: stale }).where(eq(tables.sessions.tokenHash, who.session.tokenHash));
    const session = { ...who.session, authenticatedAt: stale };
    const other = await reauthenticateWithOAuth(who.user, session, identity(who.email, true), newCtx());
    expect(other).toMatchObject({ ok: false, code: "OAUTH_NOT_LINKED_IDENTITY" });
    expect((await findActiveSession(who.token))?.session.authenticatedAt.getTime()).toBe(stale.getTime());
    expect(await reauthenticateWithOAuth(who.user, session, id, newCtx())).toEqual({ ok: true });
    expect((await findActiveSession(who.token))?.session.authenticatedAt.getTime()).toBeGreaterThan(Date.now() - 60_000);
  });
  it("the JSON API's re-verify answers list the providers this account linked, as /verify offers them", async () => {
    const who = await signedInUser("oauth-reauth");
    expect(await oauthVerifyProviders(who.user.id)).toEqual({ oauth_enabled: true, oauth_providers: [] });
    expect((await signInWithOAuth(identity(who.email, true), options, newCtx())).ok).toBe(true);
    expect(await oauthVerifyProviders(who.user.id)).toEqual({ oauth_enabled: true, oauth_providers: ["oidc"] });
    expect(await reauthDetails(who.user.id)).toMatchObject({ reauth_required: true, oauth_enabled: true, oauth_providers: ["oidc"] });
    // Once the provider is no longer configured, it is not offered.
    await withEnv({ AUTH_OIDC_ISSUER: undefined, AUTH_OIDC_ID: undefined, AUTH_OIDC_SECRET: undefined }, async () => {
      expect(await oauthVerifyProviders(who.user.id)).toEqual({ oauth_enabled: false, oauth_providers: [] });
    });
  });
});
