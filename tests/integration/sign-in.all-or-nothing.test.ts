// Threat: the database fails between a sign-in's writes (an outage, a fail-over, a constraint): a
// session without its audit event, a spent recovery code or an ended pending sign-in without a session.
// Guarantee: the last write of each sign-in is made to fail, and nothing of the earlier ones remains.
import { and, eq, sql } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { RATE_LIMITS, rateLimitRow } from "@/lib/security/core/rate-limit";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { signInWithRecoveryCode, verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { generateRecoveryCodes, recoveryCodeStatus } from "@/lib/security/recovery-codes/store";
import { newCtx, registerConfirmed, STRONG_PASSWORD, uniqueEmail, userByEmail } from "../support/flows";
import { codeAt, eventsOf, passwordStep, saveMethod, sessionCount } from "../support/two-factor";

// The event a test names is refused by the database, for that test's user only.
const FAILING = "gatehouse_test_failing_event";

async function failEvent(userId: string, type: string): Promise<void> {
  const db = await getDb();
  await db.execute(sql`update ${sql.identifier(FAILING)} set user_id = ${userId}::uuid, type = ${type}`);
}

beforeAll(async () => {
  const db = await getDb();
  await db.execute(sql.raw(`create table if not exists ${FAILING} (user_id uuid, type text)`));
  await db.execute(sql.raw(`delete from ${FAILING}`));
  await db.execute(sql.raw(`insert into ${FAILING} values (null, null)`));
  await db.execute(
    sql.raw(`create or replace function ${FAILING}_refuse() returns trigger language plpgsql as $$
      begin
        if exists (select 1 from ${FAILING} f where f.user_id = new.user_id and f.type = new.type) then
          raise exception 'planted failure: % for %', new.type, new.user_id;
        end if;
        return new;
      end $$`),
  );
  await db.execute(sql.raw(`drop trigger if exists ${FAILING}_refuse on security_events`));
  await db.execute(sql.raw(`create trigger ${FAILING}_refuse before insert on security_events for each row execute function ${FAILING}_refuse()`));
});

afterAll(async () => {
  const db = await getDb();
  await db.execute(sql.raw(`drop trigger if exists ${FAILING}_refuse on security_events`));
});

async function failureBudgetRows(userId: string): Promise<number> {
  const db = await getDb();
  const { bucket, key } = rateLimitRow(RATE_LIMITS.loginFailuresPerAccount, userId);
  return (
    await db
      .select()
      .from(tables.rateLimits)
      .where(and(eq(tables.rateLimits.bucket, bucket), eq(tables.rateLimits.key, key)))
  ).length;
}

async function pendingCount(userId: string): Promise<number> {
  const db = await getDb();
  return (await db.select().from(tables.pendingLogins).where(eq(tables.pendingLogins.userId, userId))).length;
}

describe("a sign-in is written whole or not at all", () => {
  it("password: the event insert fails, so no session, no trackable update, no reset failure count or budget", async () => {
    const email = uniqueEmail("aon-password");
    const user = await registerConfirmed(email);
    const ctx = newCtx();
    expect(await loginWithPassword({ identity: email, password: "not the password", remember: false }, ctx)).toMatchObject({ ok: false });
    const before = await userByEmail(email);
    expect(before.failedLoginCount).toBe(1);
    expect(await failureBudgetRows(user.id)).toBe(1);

    await failEvent(user.id, "user_authenticated");
    await expect(loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, ctx)).rejects.toThrow();
    const after = await userByEmail(email);
    expect(await sessionCount(user.id)).toBe(0);
    expect(after.failedLoginCount).toBe(1);
    expect(after.loginCount).toBe(before.loginCount);
    expect(after.currentLoginAt).toEqual(before.currentLoginAt);
    expect(await failureBudgetRows(user.id)).toBe(1);
    expect(await eventsOf(user.id, "user_authenticated")).toHaveLength(0);

    // With the database healthy again the same sign-in goes through, whole.
    await failEvent(user.id, "none");
    expect(await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, ctx)).toMatchObject({ ok: true });
    expect(await sessionCount(user.id)).toBe(1);
    expect((await userByEmail(email)).failedLoginCount).toBe(0);
    expect(await failureBudgetRows(user.id)).toBe(0);
    expect(await eventsOf(user.id, "user_authenticated")).toHaveLength(1);
  });

  it("second factor: the second factor's event fails, so the pending sign-in survives and no session exists", async () => {
    const email = uniqueEmail("aon-code");
    const user = await registerConfirmed(email);
    const secret = await saveMethod(user.id, "authenticator");
    const { pendingToken } = await passwordStep(email);
    await failEvent(user.id, "tf_code_confirmed");
    await expect(verifySecondFactor(pendingToken, await codeAt(secret), newCtx())).rejects.toThrow();
    expect(await sessionCount(user.id)).toBe(0);
    expect(await pendingCount(user.id)).toBe(1);
    expect(await eventsOf(user.id, "user_authenticated")).toHaveLength(0);
  });

  it("recovery code: the notice's event fails, so the code is unspent, the pending sign-in survives and no session exists", async () => {
    const email = uniqueEmail("aon-recovery");
    const user = await registerConfirmed(email);
    await saveMethod(user.id, "authenticator");
    const [code] = await generateRecoveryCodes(user.id, newCtx());
    const { pendingToken } = await passwordStep(email);
    await failEvent(user.id, "mf_recovery_code_used");
    await expect(signInWithRecoveryCode(pendingToken, code!, newCtx())).rejects.toThrow();
    expect(await recoveryCodeStatus(user.id)).toEqual({ total: 5, remaining: 5 });
    expect(await sessionCount(user.id)).toBe(0);
    expect(await pendingCount(user.id)).toBe(1);
    expect(await eventsOf(user.id, "user_authenticated")).toHaveLength(0);

    await failEvent(user.id, "none");
    expect(await signInWithRecoveryCode(pendingToken, code!, newCtx())).toMatchObject({ ok: true });
    expect(await recoveryCodeStatus(user.id)).toEqual({ total: 5, remaining: 4 });
  });
});
