// Helpers shared by the integration tests: unique identities per test (rate limits and the
// shared database never collide), mail read back from the outbox, and ready-made accounts.
import { randomBytes, randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, expect } from "vitest";
import { getDb, tables } from "@/lib/db";
import { listOutbox, type OutboxEntry } from "@/lib/mail/outbox";
import { resetConfig } from "@/lib/security/config";
import { confirmEmail } from "@/lib/security/accounts/confirmation";
import { registerUser } from "@/lib/security/registration/register";
import type { RequestContext } from "@/lib/security/core/request-context";
import type { UserRecord } from "@/lib/security/accounts/users";

/** A password that passes the default policy (not common, 8–128 code points). */
export const STRONG_PASSWORD = "correct horse battery staple 42";
export const OTHER_STRONG_PASSWORD = "tangerine-Oboe-9-lighthouse";

export function uniqueEmail(tag = "user"): string {
  return `${tag}-${randomUUID()}@example.com`;
}

/** A request context with an IP of its own, so per-IP budgets start empty. */
export function newCtx(): RequestContext {
  const b = randomBytes(3);
  return { ip: `10.${b[0]}.${b[1]}.${b[2]}-${randomUUID().slice(0, 8)}`, userAgent: "vitest" };
}

/** Newest email to an address, or undefined. */
export async function latestMail(to: string): Promise<OutboxEntry | undefined> {
  const [mail] = await listOutbox({ to, limit: 1 });
  return mail;
}

export async function mailsTo(to: string): Promise<OutboxEntry[]> {
  return listOutbox({ to, limit: 100 });
}

/** The token in the first `<appUrl><pathPrefix><token>` link of an email's text. */
export function extractLink(text: string, pathPrefix: string): string {
  const escaped = pathPrefix.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
  const match = new RegExp(`https?://[^\\s\\]]+?${escaped}([A-Za-z0-9_-]+)`).exec(text);
  if (!match?.[1]) throw new Error(`no ${pathPrefix} link in:\n${text}`);
  return match[1];
}

export async function userByEmail(email: string): Promise<UserRecord> {
  const db = await getDb();
  const [user] = await db.select().from(tables.users).where(eq(tables.users.email, email));
  if (!user) throw new Error(`no user ${email}`);
  return user;
}

export async function countUsersWithEmail(email: string): Promise<number> {
  const db = await getDb();
  const rows = await db.select({ id: tables.users.id }).from(tables.users).where(eq(tables.users.emailNormalized, email.trim().toLowerCase()));
  return rows.length;
}

/** Registers through the real flow and clicks the link from the welcome email. */
export async function registerConfirmed(email: string, password = STRONG_PASSWORD): Promise<UserRecord> {
  const registered = await registerUser({ email, password }, newCtx());
  expect(registered).toMatchObject({ ok: true, status: "confirm-sent" });
  const mail = await latestMail(email);
  if (!mail) throw new Error(`no welcome mail for ${email}`);
  const confirmed = await confirmEmail(extractLink(mail.text, "/confirm/"), newCtx());
  if (!confirmed.ok) throw new Error(`confirm failed: ${confirmed.code}`);
  return confirmed.user;
}

/** Sets env variables for the duration of `fn`, then restores them (and the cached config). */
export async function withEnv<T>(vars: Record<string, string | undefined>, fn: () => Promise<T>): Promise<T> {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const apply = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetConfig();
  };
  apply(vars);
  try {
    return await fn();
  } finally {
    apply(saved);
  }
}

/** Moves a token row's expiry into the past. */
export async function expireTokenFor(userId: string, purpose: "confirm" | "reset"): Promise<void> {
  const db = await getDb();
  await db
    .update(tables.oneTimeTokens)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(and(eq(tables.oneTimeTokens.userId, userId), eq(tables.oneTimeTokens.purpose, purpose)));
}

/** Sets env variables for the whole test file (beforeAll), and restores them afterwards. */
export function withEnvForTheFile(vars: Record<string, string>): void {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  beforeAll(() => {
    Object.assign(process.env, vars);
    resetConfig();
  });
  afterAll(() => {
    for (const [k, v] of Object.entries(saved)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
    resetConfig();
  });
}
