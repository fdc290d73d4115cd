// Threat: someone signs in with a stolen password (or a stolen second factor too) from their own
// browser and the owner never hears of it. Guarantee: a browser new to the account mails the owner once.
import { randomBytes } from "node:crypto";
import { and, eq, sql } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { hashToken } from "@/lib/security/core/crypto";
import { pruneBatch } from "@/lib/security/core/prune";
import type { RequestContext } from "@/lib/security/core/request-context";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { mailsTo, newCtx, registerConfirmed, STRONG_PASSWORD, uniqueEmail, withEnv, withEnvForTheFile } from "../support/flows";
import { codeAt, passwordStep, saveMethod } from "../support/two-factor";

const FIREFOX_ON_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";
const SUBJECT = "Gatehouse: New sign-in to your account";

// Off by default in the test runs (tests/support/setup.ts); on, as in production, here.
withEnvForTheFile({ SECURITY_NEW_DEVICE_ALERT: "true" });

function ctxOn(knownDevice: string | null): RequestContext {
  return { ...newCtx(), userAgent: FIREFOX_ON_WINDOWS, knownDevice };
}

/** A password sign-in from a browser sending `device` as its known-device cookie; returns the value it is set to. */
async function signIn(email: string, device: string | null): Promise<string> {
  const result = await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, ctxOn(device));
  if (!result.ok || result.outcome.status !== "signed-in") throw new Error(`sign-in failed: ${JSON.stringify(result)}`);
  const value = result.outcome.session.knownDevice;
  if (!value) throw new Error("no known-device cookie value");
  return value;
}

async function alertsTo(email: string): Promise<number> {
  return (await mailsTo(email)).filter((m) => m.subject === SUBJECT).length;
}

/** An account that has signed in once (its first device, which never alerts); returns that device's value. */
async function accountWithFirstDevice(tag: string): Promise<{ email: string; userId: string; first: string }> {
  const email = uniqueEmail(tag);
  const user = await registerConfirmed(email);
  return { email, userId: user.id, first: await signIn(email, null) };
}

describe("new-device sign-in alert", () => {
  it("the account's first sign-in does not alert; a new browser gets one mail naming time, device and IP; the same browser again none", async () => {
    const { email, userId, first } = await accountWithFirstDevice("device-new");
    expect(await alertsTo(email)).toBe(0);
    expect(await signIn(email, first)).toBe(first);
    expect(await alertsTo(email)).toBe(0);

    const ctx = ctxOn(null);
    const result = await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, ctx);
    expect(result).toMatchObject({ ok: true, outcome: { status: "signed-in" } });
    const [mail, ...more] = (await mailsTo(email)).filter((m) => m.subject === SUBJECT);
    expect(more).toHaveLength(0);
    expect(mail?.text).toContain("Firefox 133 on Windows");
    expect(mail?.text).toContain(ctx.ip);
    // The one time format of pages and notices (core/time-zone.ts), UTC until the browser reports a zone (decision 066).
    expect(mail?.text).toMatch(/When: \w{3} \d{1,2}, \d{4}, \d{1,2}:\d{2} [AP]M UTC/);
    expect(mail?.text).toContain("/account/sessions");
    expect(mail?.text).toContain("/forgot-password");
    const db = await getDb();
    const events = await db
      .select({ type: tables.securityEvents.type })
      .from(tables.securityEvents)
      .where(and(eq(tables.securityEvents.userId, userId), eq(tables.securityEvents.type, "new_device_sign_in")));
    expect(events).toHaveLength(1);

    // That browser is known now.
    const second = result.ok && result.outcome.status === "signed-in" ? result.outcome.session.knownDevice : undefined;
    await signIn(email, second ?? null);
    expect(await alertsTo(email)).toBe(1);
  });

  it("only the cookie's hash is stored, and never an IP: the same IP with no cookie still alerts", async () => {
    const { email, userId, first } = await accountWithFirstDevice("device-hash");
    const db = await getDb();
    const rows = await db.select().from(tables.knownDevices).where(eq(tables.knownDevices.userId, userId));
    expect(rows.map((r) => r.deviceHash)).toEqual([hashToken(first)]);
    const ctx = ctxOn(first);
    await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, { ...ctx, knownDevice: null });
    expect(await alertsTo(email)).toBe(1);
  });

  it("another account signing in on the same browser gets its own alert, and the first account none", async () => {
    const a = await accountWithFirstDevice("device-a");
    const b = await accountWithFirstDevice("device-b");
    await signIn(b.email, a.first);
    expect(await alertsTo(b.email)).toBe(1);
    expect(await alertsTo(a.email)).toBe(0);
    // The browser is now known to both.
    await signIn(a.email, a.first);
    await signIn(b.email, a.first);
    expect([await alertsTo(a.email), await alertsTo(b.email)]).toEqual([0, 1]);
  });

  it("a forged cookie (well-formed but never issued) or a malformed one alerts; a malformed one is replaced", async () => {
    const { email } = await accountWithFirstDevice("device-forged");
    const forged = randomBytes(32).toString("base64url");
    expect(await signIn(email, forged)).toBe(forged);
    expect(await alertsTo(email)).toBe(1);
    // requestContextFrom() drops what we could not have minted; a hand-built context is checked again.
    const replaced = await signIn(email, "not-a-device'; drop table users; --");
    expect(replaced).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(await alertsTo(email)).toBe(2);
  });

  it("concurrent sign-ins from one new browser send one mail", async () => {
    const { email } = await accountWithFirstDevice("device-race");
    const device = randomBytes(32).toString("base64url");
    const results = await Promise.all(Array.from({ length: 6 }, () => signIn(email, device)));
    expect(new Set(results)).toEqual(new Set([device]));
    expect(await alertsTo(email)).toBe(1);
  });

  it("a sign-in that needs a second factor alerts when the second factor completes it, not before", async () => {
    const email = uniqueEmail("device-2fa");
    const user = await registerConfirmed(email);
    const secret = await saveMethod(user.id, "authenticator");
    const first = await passwordStep(email, ctxOn(null));
    const done = await verifySecondFactor(first.pendingToken, await codeAt(secret), ctxOn(null));
    expect(done.ok).toBe(true);
    expect(await alertsTo(email)).toBe(0);

    const pending = await passwordStep(email, ctxOn(null));
    expect(await alertsTo(email)).toBe(0);
    const finished = await verifySecondFactor(pending.pendingToken, await codeAt(secret, 30), ctxOn(null));
    expect(finished.ok).toBe(true);
    expect(await alertsTo(email)).toBe(1);
  });

  it("switched off (SECURITY_NEW_DEVICE_ALERT=false): no cookie value, no rows, no mail", async () => {
    await withEnv({ SECURITY_NEW_DEVICE_ALERT: "false" }, async () => {
      const email = uniqueEmail("device-off");
      const user = await registerConfirmed(email);
      for (let i = 0; i < 2; i++) {
        const result = await loginWithPassword({ identity: email, password: STRONG_PASSWORD, remember: false }, ctxOn(null));
        expect(result.ok && result.outcome.status === "signed-in" && result.outcome.session.knownDevice).toBe(undefined);
      }
      const db = await getDb();
      expect(await db.select().from(tables.knownDevices).where(eq(tables.knownDevices.userId, user.id))).toHaveLength(0);
      expect(await alertsTo(email)).toBe(0);
    });
  });

  it("housekeeping forgets devices unseen past the retention, but never an account's latest one", async () => {
    const { email, userId, first } = await accountWithFirstDevice("device-prune");
    const second = await signIn(email, null);
    const db = await getDb();
    await db
      .update(tables.knownDevices)
      .set({ lastSeenAt: sql`now() - interval '500 days'` })
      .where(eq(tables.knownDevices.userId, userId));
    await db
      .update(tables.knownDevices)
      .set({ lastSeenAt: sql`now() - interval '450 days'` })
      .where(and(eq(tables.knownDevices.userId, userId), eq(tables.knownDevices.deviceHash, hashToken(second))));
    while ((await pruneBatch("knownDevices")) > 0);
    const left = await db.select().from(tables.knownDevices).where(eq(tables.knownDevices.userId, userId));
    expect(left.map((r) => r.deviceHash)).toEqual([hashToken(second)]);
    // The forgotten browser is new again and alerts: the account still has a device to compare with.
    await signIn(email, first);
    expect(await alertsTo(email)).toBe(2);
  });
});
