// Threat: a stolen refresh token keeps working beside its owner's (two holders of one family), or one token bought
// two auth tokens in a race — each would let a thief mint auth tokens for the whole 90-day life of the family.
import { eq } from "drizzle-orm";
import { beforeEach, describe, expect, it, vi } from "vitest";

vi.mock("next/headers", async () => (await import("../support/api")).nextHeadersMock);
vi.mock("@/lib/security/sessions/issuer", async () => (await import("../support/api")).issuerMock);

const { ApiClient } = await import("../support/api");
const { registerConfirmed, uniqueEmail, newCtx } = await import("../support/flows");
const { getDb, tables } = await import("@/lib/db");
const { issueTokenPair, exchangeRefreshToken } = await import("@/lib/security/sessions/refresh-tokens");
const { findActiveAuthToken } = await import("@/lib/security/sessions/auth-tokens");
const refreshRoute = await import("@/app/api/security/refresh-token/route");

type User = Awaited<ReturnType<typeof registerConfirmed>>;
let user: User;

beforeEach(async () => {
  user = await registerConfirmed(uniqueEmail("refresh-race"));
});

async function replayEvents(userId: string): Promise<number> {
  const db = await getDb();
  const rows = await db.select().from(tables.securityEvents).where(eq(tables.securityEvents.userId, userId));
  return rows.filter((r) => r.type === "refresh_tracker_revoked").length;
}

describe("a refresh token", () => {
  it("100 concurrent exchanges of one token: exactly one succeeds, and the losers' replay ends the family once", async () => {
    const pair = await issueTokenPair(user, { authnVia: ["password"], authenticatedAt: new Date() });
    const results = await Promise.all(Array.from({ length: 100 }, () => exchangeRefreshToken(pair.refreshToken!.token, newCtx())));
    const winners = results.filter((r) => r.ok);
    expect(winners).toHaveLength(1);
    const reasons = new Set(results.flatMap((r) => (r.ok ? [] : [String(r.params?.reason)])));
    expect([...reasons].every((r) => r === "GEN_MISMATCH" || r === "REVOKED")).toBe(true);
    // A race is indistinguishable from a thief racing the owner: the family ends, the winner's new credentials too.
    const winner = winners[0]!;
    if (!winner.ok) throw new Error("unreachable");
    expect(await findActiveAuthToken(winner.authToken.token)).toBeNull();
    expect(await findActiveAuthToken(pair.authToken.token)).toBeNull();
    const again = await exchangeRefreshToken(winner.refreshToken.token, newCtx());
    expect(again.ok ? null : again.params?.reason).toBe("REVOKED");
    expect(await replayEvents(user.id)).toBe(1);
    const db = await getDb();
    const generations = await db.select().from(tables.refreshTokens).where(eq(tables.refreshTokens.userId, user.id));
    expect(generations.map((g) => g.generation).sort()).toEqual([0, 1]);
  });

  it("rotates: each exchange answers the next generation, and an older one presented again ends the family and its auth tokens", async () => {
    const pair = await issueTokenPair(user, { authnVia: ["password"], authenticatedAt: new Date() });
    const first = await exchangeRefreshToken(pair.refreshToken!.token, newCtx());
    if (!first.ok) throw new Error(first.code);
    const second = await exchangeRefreshToken(first.refreshToken.token, newCtx());
    if (!second.ok) throw new Error(second.code);
    expect(await findActiveAuthToken(second.authToken.token)).not.toBeNull();
    // The thief replays generation 0.
    const replay = await exchangeRefreshToken(pair.refreshToken!.token, newCtx());
    expect(replay.ok ? null : [replay.code, replay.params?.reason]).toEqual(["REFRESH_TOKEN_INVALID", "GEN_MISMATCH"]);
    for (const t of [pair.authToken, first.authToken, second.authToken]) expect(await findActiveAuthToken(t.token)).toBeNull();
    const owner = await exchangeRefreshToken(second.refreshToken.token, newCtx());
    expect(owner.ok ? null : owner.params?.reason).toBe("REVOKED");
    expect(await replayEvents(user.id)).toBe(1);
  });

  it("a replay through the endpoint answers 400 REFRESH_TOKEN_INVALID with its reason, in the envelope", async () => {
    const pair = await issueTokenPair(user, { authnVia: ["password"], authenticatedAt: new Date() });
    const client = new ApiClient();
    const ok = await client.call(refreshRoute.POST, "POST", "/api/security/refresh-token", { json: { refresh_token: pair.refreshToken!.token } });
    expect(ok.status).toBe(200);
    const replay = await client.call(refreshRoute.POST, "POST", "/api/security/refresh-token", { json: { refresh_token: pair.refreshToken!.token } });
    expect(replay.status).toBe(400);
    expect(replay.body.response).toMatchObject({ code: "REFRESH_TOKEN_INVALID", errors: ["Refresh token is invalid (GEN_MISMATCH)"] });
  });

  it("another family of the same user lives on", async () => {
    const stolen = await issueTokenPair(user, { authnVia: ["password"], authenticatedAt: new Date() });
    const otherDevice = await issueTokenPair(user, { authnVia: ["password"], authenticatedAt: new Date() });
    await exchangeRefreshToken(stolen.refreshToken!.token, newCtx());
    await exchangeRefreshToken(stolen.refreshToken!.token, newCtx());
    expect((await exchangeRefreshToken(otherDevice.refreshToken!.token, newCtx())).ok).toBe(true);
  });
});
