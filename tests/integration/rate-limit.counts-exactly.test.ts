// Threat: a burst of parallel requests slips past a budget (read-then-write race), or a window
// never ends. Guarantee: the database counts each attempt exactly once, per bucket and key.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { checkRateLimit, consumeRateLimit, resetRateLimit, type RateLimitPolicy } from "@/lib/security/core/rate-limit";

function policy(limit: number, windowSeconds = 60): RateLimitPolicy {
  return { bucket: `test:${randomUUID()}`, limit, windowSeconds };
}

describe("consumeRateLimit", () => {
  it("allows exactly `limit` calls, then refuses with a retryAfter inside the window", async () => {
    const p = policy(3, 120);
    const results = [];
    for (let i = 0; i < 5; i++) results.push(await consumeRateLimit(p, "key"));
    expect(results.slice(0, 3)).toEqual([
      { ok: true, remaining: 2 },
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
    ]);
    for (const refused of results.slice(3)) {
      expect(refused.ok).toBe(false);
      if (refused.ok) continue;
      expect(refused.retryAfter).toBeGreaterThan(0);
      expect(refused.retryAfter).toBeLessThanOrEqual(120);
    }
  });

  it("counts 20 concurrent calls against a limit of 10 exactly", async () => {
    const p = policy(10);
    const results = await Promise.all(Array.from({ length: 20 }, () => consumeRateLimit(p, "burst")));
    expect(results.filter((r) => r.ok)).toHaveLength(10);
    expect(results.filter((r) => !r.ok)).toHaveLength(10);
    const db = await getDb();
    const [row] = await db.select().from(tables.rateLimits).where(eq(tables.rateLimits.bucket, p.bucket));
    expect(row?.count).toBe(20);
  });

  it("keeps keys and buckets apart, and treats keys case-insensitively", async () => {
    const p = policy(1);
    const q = { ...policy(1), bucket: `${p.bucket}:other` };
    expect((await consumeRateLimit(p, "Alice@Example.com")).ok).toBe(true);
    expect((await consumeRateLimit(p, "alice@example.com")).ok).toBe(false);
    expect((await consumeRateLimit(p, "bob@example.com")).ok).toBe(true);
    expect((await consumeRateLimit(q, "alice@example.com")).ok).toBe(true);
  });

  it("starts a new window once the old one has passed", async () => {
    const p = policy(2, 60);
    await consumeRateLimit(p, "k");
    await consumeRateLimit(p, "k");
    expect((await consumeRateLimit(p, "k")).ok).toBe(false);
    expect((await checkRateLimit(p, "k")).ok).toBe(false);

    const db = await getDb();
    await db
      .update(tables.rateLimits)
      .set({ windowStart: new Date(Date.now() - 61_000) })
      .where(eq(tables.rateLimits.bucket, p.bucket));

    expect(await checkRateLimit(p, "k")).toEqual({ ok: true, remaining: 2 });
    expect(await consumeRateLimit(p, "k")).toEqual({ ok: true, remaining: 1 });
    expect(await consumeRateLimit(p, "k")).toEqual({ ok: true, remaining: 0 });
    expect((await consumeRateLimit(p, "k")).ok).toBe(false);
  });

  it("is cleared by resetRateLimit", async () => {
    const p = policy(1);
    await consumeRateLimit(p, "k");
    expect((await consumeRateLimit(p, "k")).ok).toBe(false);
    await resetRateLimit(p, "k");
    expect((await consumeRateLimit(p, "k")).ok).toBe(true);
  });
});

describe("checkRateLimit", () => {
  it("reads the budget without spending it", async () => {
    const p = policy(2);
    for (let i = 0; i < 5; i++) expect(await checkRateLimit(p, "k")).toEqual({ ok: true, remaining: 2 });
    await consumeRateLimit(p, "k");
    for (let i = 0; i < 5; i++) expect(await checkRateLimit(p, "k")).toEqual({ ok: true, remaining: 1 });
    await consumeRateLimit(p, "k");
    const spent = await checkRateLimit(p, "k");
    expect(spent.ok).toBe(false);
    expect(spent.ok === false && spent.retryAfter).toBeGreaterThan(0);
    const db = await getDb();
    const [row] = await db.select().from(tables.rateLimits).where(eq(tables.rateLimits.bucket, p.bucket));
    expect(row?.count).toBe(2);
  });
});
