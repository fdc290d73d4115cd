// Helpers for the unified sign-in and sign-in link tests: accounts with sign-in methods saved
// directly (each with its own secret), codes and links read back from the outbox, and the
// session / pending-login rows a sign-in leaves behind.
import { and, eq } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { listOutbox, type OutboxEntry } from "@/lib/mail/outbox";
import type { CodeMethod } from "@/lib/security/config";
import { hashToken } from "@/lib/security/core/crypto";
import { decryptSecret } from "@/lib/security/core/encryption";
import type { FirstFactorOutcome } from "@/lib/security/sign-in/second-factor";
import { createSession, type SessionRecord } from "@/lib/security/sessions/store";
import { newTotpSecret } from "@/lib/security/codes/totp";
import { saveCodeMethod, type SignInMethodRow } from "@/lib/security/codes/store";
import { createUser, findUserById, type UserRecord } from "@/lib/security/accounts/users";
import { extractLink, newCtx, registerConfirmed, uniqueEmail } from "./flows";
import { uniquePhone } from "./two-factor";

/** Subjects of the emails these flows send (emails/index.ts). */
export const SUBJECTS = {
  code: "Gatehouse: Your verification code",
  link: "Gatehouse: Your sign-in link",
  methodsChanged: "Gatehouse: Your sign-in methods were changed",
} as const;

/** The path of a sign-in link (lib/security/core/links.ts). */
export const MAGIC_PATH = "/login/magic/";

/** Saves a sign-in method with no time step used yet (codes from the recent past still pass). Returns its secret. */
export async function addMethod(userId: string, method: CodeMethod, phone: string | null = null): Promise<string> {
  const secret = newTotpSecret();
  const saved = await saveCodeMethod("sign-in", userId, { method, secret, phone, timeStep: 0 }, await getDb());
  if (!saved.ok) throw new Error(`could not save ${method}: ${saved.code}`);
  return secret;
}

export async function methodRow(userId: string, method: CodeMethod): Promise<SignInMethodRow | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(tables.signInMethods)
    .where(and(eq(tables.signInMethods.userId, userId), eq(tables.signInMethods.method, method)));
  return row;
}

export async function methodsOf(userId: string): Promise<string[]> {
  const db = await getDb();
  const rows = await db.select({ method: tables.signInMethods.method }).from(tables.signInMethods).where(eq(tables.signInMethods.userId, userId));
  return rows.map((r) => r.method).sort();
}

export async function methodSecret(userId: string, method: CodeMethod): Promise<string> {
  const row = await methodRow(userId, method);
  if (!row) throw new Error(`no ${method} sign-in method for ${userId}`);
  return decryptSecret(row.secretEncrypted);
}

export interface UnifiedUser {
  email: string;
  user: UserRecord;
  /** Plaintext secrets of the methods set up. */
  secrets: Partial<Record<CodeMethod, string>>;
  /** E.164 phone of the SMS method, when set up. */
  phone: string | null;
}

/** A confirmed user with a password and the given sign-in methods. */
export async function unifiedUser(tag: string, methods: CodeMethod[] = []): Promise<UnifiedUser> {
  const email = uniqueEmail(tag);
  const user = await registerConfirmed(email);
  const secrets: Partial<Record<CodeMethod, string>> = {};
  let phone: string | null = null;
  for (const method of methods) {
    if (method === "sms") phone = uniquePhone().e164;
    secrets[method] = await addMethod(user.id, method, method === "sms" ? phone : null);
  }
  return { email, user, secrets, phone };
}

/** A password-less account (no password hash) with the given methods, confirmed unless told otherwise. */
export async function passwordlessUser(tag: string, methods: CodeMethod[] = ["email"], confirmed = true): Promise<UnifiedUser> {
  const email = uniqueEmail(tag);
  const user = await createUser({ email, password: null, confirmed });
  if (!user) throw new Error(`could not create ${email}`);
  const secrets: Partial<Record<CodeMethod, string>> = {};
  let phone: string | null = null;
  for (const method of methods) {
    if (method === "sms") phone = uniquePhone().e164;
    secrets[method] = await addMethod(user.id, method, method === "sms" ? phone : null);
  }
  return { email, user, secrets, phone };
}

export async function freshUser(id: string): Promise<UserRecord> {
  const user = await findUserById(id);
  if (!user) throw new Error(`no user ${id}`);
  return user;
}

/** Six digits standing alone (not inside an address such as user-1a123456b@example.com). */
export function codeIn(text: string): string {
  const match = /(?<![\w.@-])(\d{6})(?![\w.@-])/.exec(text);
  if (!match?.[1]) throw new Error(`no six-digit code in:\n${text}`);
  return match[1];
}

export async function mailsWithSubject(to: string, subject: string): Promise<OutboxEntry[]> {
  return (await listOutbox({ to, limit: 100 })).filter((m) => m.subject === subject);
}

/** The newest sign-in code email to `to`: its code and the token of its sign-in link (null when it has none). */
export async function latestCodeMail(to: string): Promise<{ code: string; token: string | null; text: string }> {
  const [mail] = await mailsWithSubject(to, SUBJECTS.code);
  if (!mail) throw new Error(`no "${SUBJECTS.code}" email to ${to}`);
  const text = mail.text ?? "";
  return { code: codeIn(text), token: text.includes(MAGIC_PATH) ? extractLink(text, MAGIC_PATH) : null, text };
}

/** The token of the newest "Your sign-in link" link to `to`. */
export async function latestLinkToken(to: string): Promise<string> {
  const [mail] = await mailsWithSubject(to, SUBJECTS.link);
  if (!mail) throw new Error(`no "${SUBJECTS.link}" email to ${to}`);
  return extractLink(mail.text ?? "", MAGIC_PATH);
}

export async function textsTo(phone: string): Promise<OutboxEntry[]> {
  return listOutbox({ to: phone, limit: 100, kind: "sms" });
}

export async function sessionsOf(userId: string): Promise<SessionRecord[]> {
  const db = await getDb();
  return db.select().from(tables.sessions).where(eq(tables.sessions.userId, userId));
}

export async function sessionByToken(token: string): Promise<SessionRecord | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(tables.sessions)
    .where(eq(tables.sessions.tokenHash, hashToken(token)));
  return row;
}

/** A session row by its stored hash (fails the test when it is gone). */
export async function sessionByHash(tokenHash: string): Promise<SessionRecord> {
  const db = await getDb();
  const [row] = await db.select().from(tables.sessions).where(eq(tables.sessions.tokenHash, tokenHash));
  if (!row) throw new Error("session is gone");
  return row;
}

/** The session a "signed-in" outcome started (fails the test on any other outcome). */
export async function sessionOf(outcome: FirstFactorOutcome): Promise<SessionRecord> {
  if (outcome.status !== "signed-in") throw new Error(`expected signed-in, got ${outcome.status}`);
  const row = await sessionByToken(outcome.session.token);
  if (!row) throw new Error("no session row");
  return row;
}

export async function pendingLoginsOf(userId: string): Promise<(typeof tables.pendingLogins.$inferSelect)[]> {
  const db = await getDb();
  return db.select().from(tables.pendingLogins).where(eq(tables.pendingLogins.userId, userId));
}

/** A session row for `user`, signed in `authenticatedSecondsAgo` seconds ago (stale when large). */
export async function sessionFor(user: UserRecord, authenticatedSecondsAgo = 0): Promise<SessionRecord> {
  const { token } = await createSession(user, { authnVia: ["email"], remember: false, ctx: newCtx() });
  const db = await getDb();
  if (authenticatedSecondsAgo) {
    await db
      .update(tables.sessions)
      .set({ authenticatedAt: new Date(Date.now() - authenticatedSecondsAgo * 1000) })
      .where(eq(tables.sessions.tokenHash, hashToken(token)));
  }
  const row = await sessionByToken(token);
  if (!row) throw new Error("no session row");
  return row;
}

export async function magicTokensOf(userId: string): Promise<(typeof tables.oneTimeTokens.$inferSelect)[]> {
  const db = await getDb();
  return db
    .select()
    .from(tables.oneTimeTokens)
    .where(and(eq(tables.oneTimeTokens.userId, userId), eq(tables.oneTimeTokens.purpose, "magic")));
}

/** Moves the expiry of a one-time token (by its plaintext) into the past. */
export async function expireToken(token: string): Promise<void> {
  const db = await getDb();
  await db
    .update(tables.oneTimeTokens)
    .set({ expiresAt: new Date(Date.now() - 1000) })
    .where(eq(tables.oneTimeTokens.tokenHash, hashToken(token)));
}

/** The phone formats people type for one US number in E.164 (+1AAAXXXYYYY). */
export function phoneFormats(e164: string): { spaced: string; national: string; compact: string } {
  const [area, exchange, line] = [e164.slice(2, 5), e164.slice(5, 8), e164.slice(8)];
  return { spaced: `+1 ${area} ${exchange} ${line}`, national: `(${area}) ${exchange}-${line}`, compact: e164 };
}
