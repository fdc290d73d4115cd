// Threat: the sessions page's "Revoke" for an auth token or refresh-token family ends another user's credential when
// given their id, or answers a garbage id with a 500; or a revoked token keeps working.
import { describe, expect, it } from "vitest";
import { findActiveAuthToken, issueAuthToken } from "@/lib/security/sessions/auth-tokens";
import { listAuthTokens, listRefreshFamilies, revokeOwnAuthToken, revokeOwnRefreshFamily } from "@/lib/security/sessions/api-credentials";
import { exchangeRefreshToken, issueTokenPair } from "@/lib/security/sessions/refresh-tokens";
import { newCtx, registerConfirmed, uniqueEmail } from "../support/flows";
import { eventsOf } from "../support/two-factor";

const proof = () => ({ authnVia: ["password" as const], authenticatedAt: new Date() });

async function userWithTokens(tag: string) {
  const user = await registerConfirmed(uniqueEmail(tag));
  const plain = await issueAuthToken(user, proof());
  const pair = await issueTokenPair(user, proof());
  return { user, plain, pair };
}

describe("the account's API credentials on the sessions page", () => {
  it("lists auth tokens and live refresh families with created, last used and expiry — never a hash or a token", async () => {
    const { user, plain, pair } = await userWithTokens("cred-list");
    const tokens = await listAuthTokens(user.id);
    expect(tokens).toHaveLength(2);
    expect(tokens.map((t) => t.fromRefresh).sort()).toEqual([false, true]);
    const families = await listRefreshFamilies(user.id);
    expect(families).toHaveLength(1);
    expect(families[0]).toMatchObject({ authnVia: ["password"], createdAt: expect.any(Date), lastUsedAt: expect.any(Date), expiresAt: expect.any(Date) });
    const shown = JSON.stringify({ tokens, families });
    expect(shown).not.toContain(plain.token);
    expect(shown).not.toContain(pair.refreshToken?.token ?? "none");
    // An exchange keeps one family, its last use moving forward.
    const exchanged = await exchangeRefreshToken(pair.refreshToken!.token, newCtx());
    expect(exchanged.ok).toBe(true);
    const after = await listRefreshFamilies(user.id);
    expect(after).toHaveLength(1);
    expect(after[0]!.lastUsedAt.getTime()).toBeGreaterThanOrEqual(families[0]!.lastUsedAt.getTime());
  });

  it("revoking a token by its listed id ends it at once; the same id again is TOKEN_NOT_FOUND", async () => {
    const { user, plain } = await userWithTokens("cred-revoke");
    const listed = (await listAuthTokens(user.id)).find((t) => !t.fromRefresh)!;
    expect(await findActiveAuthToken(plain.token)).not.toBeNull();
    expect(await revokeOwnAuthToken(user.id, listed.id, newCtx())).toEqual({ ok: true });
    expect(await findActiveAuthToken(plain.token)).toBeNull();
    expect(await revokeOwnAuthToken(user.id, listed.id, newCtx())).toEqual({ ok: false, code: "TOKEN_NOT_FOUND" });
    expect((await eventsOf(user.id, "session_revoked")).map((e) => e.data)).toEqual([{ kind: "auth-token" }]);
  });

  it("revoking a refresh family ends it and the auth tokens it issued; its refresh token no longer exchanges", async () => {
    const { user, plain, pair } = await userWithTokens("cred-family");
    const [family] = await listRefreshFamilies(user.id);
    expect(await revokeOwnRefreshFamily(user.id, family!.id, newCtx())).toEqual({ ok: true });
    expect(await listRefreshFamilies(user.id)).toEqual([]);
    expect(await findActiveAuthToken(pair.authToken.token)).toBeNull();
    expect(await exchangeRefreshToken(pair.refreshToken!.token, newCtx())).toMatchObject({ ok: false, code: "REFRESH_TOKEN_INVALID" });
    // The token not from the family lives on.
    expect(await findActiveAuthToken(plain.token)).not.toBeNull();
  });

  it("another user's ids, garbage ids and hostile strings are TOKEN_NOT_FOUND, and the other user's rows are untouched", async () => {
    const alice = await userWithTokens("cred-alice");
    const bob = await userWithTokens("cred-bob");
    const bobToken = (await listAuthTokens(bob.user.id))[0]!;
    const [bobFamily] = await listRefreshFamilies(bob.user.id);
    expect(await revokeOwnAuthToken(alice.user.id, bobToken.id, newCtx())).toEqual({ ok: false, code: "TOKEN_NOT_FOUND" });
    expect(await revokeOwnRefreshFamily(alice.user.id, bobFamily!.id, newCtx())).toEqual({ ok: false, code: "TOKEN_NOT_FOUND" });
    for (const junk of ["", "x", "' OR 1=1 --", "a".repeat(5000), "\u0000", "00000000-0000-0000-0000-000000000000", bob.plain.token]) {
      expect(await revokeOwnAuthToken(alice.user.id, junk, newCtx()), junk.slice(0, 20)).toEqual({ ok: false, code: "TOKEN_NOT_FOUND" });
      expect(await revokeOwnRefreshFamily(alice.user.id, junk, newCtx()), junk.slice(0, 20)).toEqual({ ok: false, code: "TOKEN_NOT_FOUND" });
    }
    expect(await findActiveAuthToken(bob.plain.token)).not.toBeNull();
    expect(await findActiveAuthToken(bob.pair.authToken.token)).not.toBeNull();
    expect(await listRefreshFamilies(bob.user.id)).toHaveLength(1);
    expect(await listAuthTokens(bob.user.id)).toHaveLength(2);
  });
});
