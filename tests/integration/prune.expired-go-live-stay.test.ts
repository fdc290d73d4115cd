// Threat: housekeeping that deletes what is still in use (a live session, an unexpired link, a
// lock that must hold) or never deletes anything, so tables only grow. Guarantee: expired rows go,
// live ones and locked rate-limit buckets stay, and a prune racing with use neither deletes a live row nor errors.
import { randomUUID } from "node:crypto";
import { eq, inArray, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { hashToken, randomToken } from "@/lib/security/core/crypto";
import { pruneAll, pruneBatch } from "@/lib/security/core/prune";
import { checkRateLimit, consumeRateLimit, RATE_LIMITS, type RateLimitPolicy } from "@/lib/security/core/rate-limit";
import { createSession, findActiveSession } from "@/lib/security/sessions/store";
import { newCtx, withEnv } from "../support/flows";

const HOUR = 3600_000;
const DAY = 24 * HOUR;
const ago = (ms: number): Date => new Date(Date.now() - ms);
const ahead = (ms: number): Date => new Date(Date.now() + ms);

async function newUser(): Promise<{ id: string; uniquifier: string }> {
  const db = await getDb();
  const email = `prune-${randomUUID()}@example.com`;
  const [user] = await db
    .insert(tables.users)
    .values({ email, emailNormalized: email, uniquifier: randomUUID(), confirmedAt: new Date() })
    .returning({ id: tables.users.id, uniquifier: tables.users.uniquifier });
  if (!user) throw new Error("no user");
  return user;
}

/** Inserts one session per (label, expiresAt); returns label → token hash. */
async function seedSessions(userId: string, uniquifier: string, rows: Record<string, Date>): Promise<Record<string, string>> {
  const db = await getDb();
  const keys: Record<string, string> = {};
  for (const [label, expiresAt] of Object.entries(rows)) {
    keys[label] = hashToken(randomToken());
    await db.insert(tables.sessions).values({ tokenHash: keys[label], userId, uniquifier, expiresAt, authenticatedAt: new Date(), authnVia: ["password"] });
  }
  return keys;
}

async function present(table: "sessions" | "pendingLogins" | "oneTimeTokens", keys: string[]): Promise<string[]> {
  const db = await getDb();
  const t = tables[table];
  const rows = await db.select({ k: t.tokenHash }).from(t).where(inArray(t.tokenHash, keys));
  return rows.map((r) => r.k).sort();
}

describe("pruneAll", () => {
  it("deletes expired sessions, pending sign-ins, tokens and ceremonies, and keeps live ones", async () => {
    const db = await getDb();
    const user = await newUser();
    const s = await seedSessions(user.id, user.uniquifier, { expired: ago(1000), live: ahead(HOUR) });

    const p = { expired: hashToken(randomToken()), live: hashToken(randomToken()) };
    for (const [label, expiresAt] of [
      ["expired", ago(1000)],
      ["live", ahead(HOUR)],
    ] as const) {
      await db
        .insert(tables.pendingLogins)
        .values({ tokenHash: p[label], userId: user.id, uniquifier: user.uniquifier, state: "ready", authnVia: ["password"], expiresAt });
    }

    // Tokens stay a week past expiry (a late click reads "expired" or "already used").
    const tok = {
      longExpired: hashToken(randomToken()),
      usedLongAgo: hashToken(randomToken()),
      justExpired: hashToken(randomToken()),
      live: hashToken(randomToken()),
    };
    await db.insert(tables.oneTimeTokens).values([
      { tokenHash: tok.longExpired, purpose: "magic", userId: user.id, expiresAt: ago(8 * DAY) },
      { tokenHash: tok.usedLongAgo, purpose: "tf-setup", userId: user.id, expiresAt: ago(8 * DAY), usedAt: ago(9 * DAY) },
      { tokenHash: tok.justExpired, purpose: "reset", userId: user.id, expiresAt: ago(DAY) },
      { tokenHash: tok.live, purpose: "confirm", userId: user.id, expiresAt: ahead(DAY) },
    ]);

    // Ceremonies stay an hour past expiry (a late passkey answer reads "expired").
    const c = { old: hashToken(randomToken()), recent: hashToken(randomToken()), live: hashToken(randomToken()) };
    await db.insert(tables.webauthnChallenges).values([
      { stateHash: c.old, purpose: "sign-in", challenge: "x", expiresAt: ago(2 * HOUR) },
      { stateHash: c.recent, purpose: "sign-in", challenge: "x", expiresAt: ago(60_000) },
      { stateHash: c.live, purpose: "register", challenge: "x", userId: user.id, expiresAt: ahead(60_000) },
    ]);

    const counts = await pruneAll();

    expect(await present("sessions", Object.values(s))).toEqual([s.live]);
    expect(await present("pendingLogins", Object.values(p))).toEqual([p.live]);
    expect(await present("oneTimeTokens", Object.values(tok))).toEqual([tok.justExpired, tok.live].sort());
    const ceremonies = await db
      .select({ k: tables.webauthnChallenges.stateHash })
      .from(tables.webauthnChallenges)
      .where(inArray(tables.webauthnChallenges.stateHash, Object.values(c)));
    expect(ceremonies.map((r) => r.k).sort()).toEqual([c.recent, c.live].sort());
    // Other test files may share a PostgreSQL database: at least ours went.
    expect(counts.sessions).toBeGreaterThanOrEqual(1);
    expect(counts.pendingLogins).toBeGreaterThanOrEqual(1);
    expect(counts.oneTimeTokens).toBeGreaterThanOrEqual(2);
    expect(counts.webauthnChallenges).toBeGreaterThanOrEqual(1);
  });

  it("deletes ended rate-limit windows and keeps running ones and a locked bucket, even one whose expires_at predates its window", async () => {
    const db = await getDb();
    const lock = RATE_LIMITS.consecutiveFailuresUnknown;
    const ended = `test:ended:${randomUUID()}`;
    const running = `test:running:${randomUUID()}`;
    const lockedKey = `locked-${randomUUID()}`;
    const lockedOldRowKey = `locked-old-${randomUUID()}`;
    await db.insert(tables.rateLimits).values([
      { bucket: ended, key: "k", windowStart: ago(2 * HOUR), count: 3, expiresAt: ago(HOUR) },
      { bucket: running, key: "k", windowStart: ago(60_000), count: 3, expiresAt: ahead(HOUR) },
      // Locked: over its limit, window of a year, started a month ago.
      { bucket: lock.bucket, key: lockedKey, windowStart: ago(30 * DAY), count: lock.limit + 1, expiresAt: ahead(335 * DAY) },
      // The same, as migration 0004 left it: expires_at defaulted to a day after the migration.
      { bucket: lock.bucket, key: lockedOldRowKey, windowStart: ago(30 * DAY), count: lock.limit + 1, expiresAt: ago(29 * DAY) },
    ]);

    await pruneAll();

    const rows = await db
      .select({ bucket: tables.rateLimits.bucket, key: tables.rateLimits.key })
      .from(tables.rateLimits)
      .where(inArray(tables.rateLimits.bucket, [ended, running, lock.bucket]));
    const left = rows.map((r) => (r.bucket === lock.bucket ? r.key : r.bucket));
    expect(left).not.toContain(ended);
    expect(left).toContain(running);
    expect(left).toContain(lockedKey);
    expect(left).toContain(lockedOldRowKey);
  });

  it("deletes delivered messages past the retention and keeps recent, pending and undeliverable ones", async () => {
    const db = await getDb();
    const to = `prune-${randomUUID()}@example.com`;
    const rows = await db
      .insert(tables.outbox)
      .values([
        { kind: "email", to, status: "sent", sentAt: ago(8 * DAY), at: ago(8 * DAY), subject: "old sent" },
        { kind: "email", to, status: "sent", sentAt: ago(DAY), at: ago(DAY), subject: "recent sent" },
        { kind: "email", to, status: "failed", at: ago(30 * DAY), subject: "failed" },
        { kind: "sms", to, status: "pending", at: ago(30 * DAY), subject: "pending" },
      ])
      .returning({ id: tables.outbox.id });
    expect(rows).toHaveLength(4);

    await pruneAll();

    const left = await db.select({ subject: tables.outbox.subject }).from(tables.outbox).where(eq(tables.outbox.to, to));
    expect(left.map((r) => r.subject).sort()).toEqual(["failed", "pending", "recent sent"]);
  });

  it("keeps every security event by default, and only the retention's worth when one is set", async () => {
    const db = await getDb();
    const user = await newUser();
    await db.insert(tables.securityEvents).values([
      { userId: user.id, type: "user_authenticated", at: ago(400 * DAY) },
      { userId: user.id, type: "user_authenticated", at: ago(DAY) },
    ]);
    const ages = async (): Promise<number> =>
      (await db.select({ id: tables.securityEvents.id }).from(tables.securityEvents).where(eq(tables.securityEvents.userId, user.id))).length;

    await withEnv({ SECURITY_EVENT_RETENTION: undefined }, () => pruneAll());
    expect(await ages()).toBe(2);

    await withEnv({ SECURITY_EVENT_RETENTION: "365d" }, () => pruneAll());
    const left = await db.select({ at: tables.securityEvents.at }).from(tables.securityEvents).where(eq(tables.securityEvents.userId, user.id));
    expect(left).toHaveLength(1);
    expect(left[0]!.at.getTime()).toBeGreaterThan(ago(2 * DAY).getTime());
  });

  it("counts without deleting on a dry run", async () => {
    const user = await newUser();
    const s = await seedSessions(user.id, user.uniquifier, { expired: ago(1000) });
    const counts = await pruneAll({ dryRun: true });
    expect(counts.sessions).toBeGreaterThanOrEqual(1);
    expect(await present("sessions", [s.expired!])).toEqual([s.expired]);
  });
});

describe("pruneBatch", () => {
  it("deletes at most one batch per statement", async () => {
    const db = await getDb();
    const user = await newUser();
    await seedSessions(user.id, user.uniquifier, Object.fromEntries(Array.from({ length: 7 }, (_, i) => [`e${i}`, ago(1000 + i)])));
    const expiredNow = async (): Promise<number> =>
      (
        await db
          .select({ n: sql<number>`count(*)::int` })
          .from(tables.sessions)
          .where(sql`${tables.sessions.expiresAt} < now()`)
      )[0]?.n ?? 0;
    const before = await expiredNow();
    expect(before).toBeGreaterThanOrEqual(7);
    expect(await pruneBatch("sessions", 3)).toBe(3);
    expect(await expiredNow()).toBe(before - 3);
  });
});

describe("a prune racing with use", () => {
  it("never deletes a live row or a window a request has just restarted, and never errors", async () => {
    const db = await getDb();
    const user = await newUser();
    // Rate-limit rows whose windows have ended: each is restarted by a consume while prunes run.
    const policies: RateLimitPolicy[] = Array.from({ length: 30 }, () => ({ bucket: `test:race:${randomUUID()}`, limit: 5, windowSeconds: 60 }));
    for (const p of policies) {
      await consumeRateLimit(p, "k");
      await db
        .update(tables.rateLimits)
        .set({ windowStart: ago(2 * HOUR), expiresAt: ago(HOUR), count: 5 })
        .where(eq(tables.rateLimits.bucket, p.bucket));
    }
    const expired = await seedSessions(user.id, user.uniquifier, Object.fromEntries(Array.from({ length: 50 }, (_, i) => [`e${i}`, ago(1000 + i)])));
    const live = await Promise.all(Array.from({ length: 10 }, () => createSession(user, { authnVia: ["password"], remember: false, ctx: newCtx() })));

    const results = await Promise.all([
      ...policies.map((p) => consumeRateLimit(p, "k")),
      pruneAll({ batchSize: 5 }),
      pruneBatch("rateLimits", 5),
      pruneAll({ batchSize: 7 }),
      ...live.map((s) => findActiveSession(s.token)),
    ]);

    // Every consume started a fresh window (count 1, within budget), and its row survived the prunes.
    expect(results.slice(0, policies.length)).toEqual(policies.map((p) => ({ ok: true, remaining: p.limit - 1 })));
    for (const p of policies) expect(await checkRateLimit(p, "k")).toEqual({ ok: true, remaining: p.limit - 1 });
    for (const s of live) expect(await findActiveSession(s.token)).not.toBeNull();
    expect(await present("sessions", Object.values(expired))).toEqual([]);
    const [{ n } = { n: -1 }] = await db
      .select({ n: sql<number>`count(*)::int` })
      .from(tables.sessions)
      .where(eq(tables.sessions.userId, user.id));
    expect(n).toBe(live.length);
  });
});
