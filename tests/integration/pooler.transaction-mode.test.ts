// Guarantee: behind a transaction-mode pooler (PgBouncer, as Neon and Supabase run it) the app
// works with DATABASE_PREPARE=false — and that setting is needed: with prepared statements a
// client's statement lives on a server connection its next transaction may not get.
import postgres from "postgres";
import { describe, expect, it } from "vitest";
import { getDb } from "@/lib/db";
import { RATE_LIMITS, consumeRateLimit } from "@/lib/security/core/rate-limit";
import { createSession, findActiveSession } from "@/lib/security/sessions/store";
import { newCtx, registerConfirmed, uniqueEmail } from "../support/flows";

const pooler = process.env.PGBOUNCER_TEST_URL;

describe.skipIf(!pooler)("through PgBouncer in transaction mode", () => {
  it("prepared statements (postgres.js's default) fail or hang: a statement is not on the server connection the next transaction gets", async () => {
    const sql = postgres(pooler!, { max: 5, prepare: true, onnotice: () => {} });
    const outcomes: string[] = [];
    const within = <T>(work: Promise<T>, ms: number): Promise<T | "timeout"> =>
      Promise.race([work, new Promise<"timeout">((resolve) => setTimeout(() => resolve("timeout"), ms))]);
    await Promise.all(
      Array.from({ length: 100 }, async (_, i) => {
        const result = await within(
          sql`select ${i}::int as n, now() as at`.then(
            () => "ok",
            (error: { code?: string }) => error.code ?? "error",
          ),
          5_000,
        );
        outcomes.push(result);
      }),
    );
    await within(sql.end({ timeout: 0 }), 1_000);
    // 26000 "prepared statement … does not exist", 42P05 "… already exists", or a query that
    // never comes back: any of them fails a request.
    expect(outcomes.filter((o) => o !== "ok").length).toBeGreaterThan(0);
  });

  it("the app's hot paths under concurrency work with DATABASE_PREPARE=false", async () => {
    expect(process.env.DATABASE_URL, "this run goes through the pooler").toBe(pooler);
    expect(process.env.DATABASE_PREPARE).toBe("false");
    await getDb();
    const user = await registerConfirmed(uniqueEmail("pooler"));
    const sessions = await Promise.all(Array.from({ length: 10 }, () => createSession(user, { authnVia: ["password"], remember: false, ctx: newCtx() })));
    const found = await Promise.all(Array.from({ length: 100 }, (_, i) => findActiveSession(sessions[i % sessions.length]!.token)));
    expect(found.every((s) => s?.user.id === user.id)).toBe(true);
    const key = `pooler-${user.id}`;
    const counted = await Promise.all(Array.from({ length: 30 }, () => consumeRateLimit(RATE_LIMITS.verifyPerUser, key)));
    // Exactly the budget passes, under races, through the pooler.
    expect(counted.filter((r) => r.ok)).toHaveLength(RATE_LIMITS.verifyPerUser.limit);
  });
});
