// Helpers for the datastore-verb tests: accounts made straight through createUser (no emails, one
// hash each), a session and an API token per account, and the rows that say whether they still work.
import { randomUUID } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { createUser, type UserRecord } from "@/lib/security/accounts/users";
import { issueAuthToken, findActiveAuthToken } from "@/lib/security/sessions/auth-tokens";
import { createSession, findActiveSession } from "@/lib/security/sessions/store";
import { newCtx, STRONG_PASSWORD, uniqueEmail } from "./flows";

export async function account(tag: string, roles: string[] = []): Promise<UserRecord> {
  const user = await createUser({ email: uniqueEmail(tag), password: STRONG_PASSWORD, confirmed: true, roles });
  if (!user) throw new Error("createUser returned null");
  return user;
}

/** A signed-in session and an API token, as a browser and a script of the user would hold them. */
export async function signedIn(user: UserRecord): Promise<{ session: string; token: string }> {
  const { token: session } = await createSession(user, { authnVia: ["password"], remember: true, ctx: newCtx() });
  const { token } = await issueAuthToken(user, { authnVia: ["password"], authenticatedAt: new Date() });
  return { session, token };
}

export async function stillWorks(held: { session: string; token: string }): Promise<{ session: boolean; token: boolean }> {
  return { session: (await findActiveSession(held.session)) !== null, token: (await findActiveAuthToken(held.token)) !== null };
}

export async function rowCount(table: typeof tables.sessions | typeof tables.authTokens | typeof tables.userRoles, userId: string): Promise<number> {
  const db = await getDb();
  return (await db.select().from(table).where(eq(table.userId, userId))).length;
}

/** The events of one type on a user's log, oldest first, with their data. */
export async function eventData(userId: string, type: (typeof tables.securityEvents.$inferSelect)["type"]): Promise<Record<string, unknown>[]> {
  const db = await getDb();
  const rows = await db
    .select({ data: tables.securityEvents.data })
    .from(tables.securityEvents)
    .where(and(eq(tables.securityEvents.userId, userId), eq(tables.securityEvents.type, type)))
    .orderBy(tables.securityEvents.id);
  return rows.map((r) => r.data);
}

export const uniqueRole = (tag: string): string => `${tag}-${randomUUID().slice(0, 8)}`;
