import "server-only";
import { desc, eq } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { listUserEvents, type ActivityEntry } from "../core/events";
import { MAX_CONSECUTIVE_FAILURES } from "../core/rate-limit-policies";
import { isUuid } from "../accounts/identity";
import { findUserById, toPublicUser, type PublicUser } from "../accounts/users";
import { maskPhone } from "../accounts/phone";
import { sessionPublicId } from "../sessions/store";
import { recoveryCodeStatus } from "../recovery-codes/store";
import { listRefreshFamilies, type ListedRefreshFamily } from "../sessions/api-credentials";
import { listLinks } from "../oauth/links";

/**
 * What the admin console shows of one account (/admin/users/[id]): never a hash, a secret or a
 * token — sessions and auth tokens by their public id only, recovery codes as a count, phones masked.
 * Null for an id that is not a UUID or names no account (the page answers 404).
 */
export interface AdminUserView {
  user: PublicUser & { locked: boolean; failedSignIns: number; phoneOnFile: string | null };
  roles: string[];
  signInMethods: { method: string; phone: string | null; createdAt: Date }[];
  twoFactor: { method: string; phone: string | null; since: Date } | null;
  passkeys: { id: string; name: string; usage: string; createdAt: Date; lastUsedAt: Date | null }[];
  recoveryCodes: { total: number; remaining: number };
  sessions: { id: string; ip: string | null; userAgent: string | null; createdAt: Date; lastSeenAt: Date }[];
  tokens: { id: string; createdAt: Date; lastUsedAt: Date; expiresAt: Date }[];
  /** The JSON API's refresh-token families: each a signed-in app or device (decision 034). */
  refreshFamilies: ListedRefreshFamily[];
  /** Sign-in providers linked to the account (decision 046), by provider and the email it carried. */
  oauthLinks: { provider: string; email: string | null; createdAt: Date; lastUsedAt: Date | null }[];
  activity: ActivityEntry[];
}

/** How many recent events the page shows; the user's own activity page has the rest. */
const RECENT_EVENTS = 20;

export async function loadAdminUserView(id: string): Promise<AdminUserView | null> {
  if (!isUuid(id)) return null;
  const record = await findUserById(id);
  if (!record) return null;
  const db = await getDb();
  const t = tables;
  const [roles, methods, twoFactor, passkeys, codes, sessions, tokens, families, links, activity] = await Promise.all([
    db
      .select({ name: t.roles.name })
      .from(t.userRoles)
      .innerJoin(t.roles, eq(t.roles.id, t.userRoles.roleId))
      .where(eq(t.userRoles.userId, id))
      .orderBy(t.roles.name),
    db.select().from(t.signInMethods).where(eq(t.signInMethods.userId, id)),
    db.select().from(t.twoFactor).where(eq(t.twoFactor.userId, id)),
    db.select().from(t.webauthnCredentials).where(eq(t.webauthnCredentials.userId, id)).orderBy(t.webauthnCredentials.createdAt),
    recoveryCodeStatus(id),
    db.select().from(t.sessions).where(eq(t.sessions.userId, id)).orderBy(desc(t.sessions.lastSeenAt)),
    db.select().from(t.authTokens).where(eq(t.authTokens.userId, id)).orderBy(desc(t.authTokens.lastUsedAt)),
    listRefreshFamilies(id),
    listLinks(id, db),
    listUserEvents(id, RECENT_EVENTS),
  ]);
  const tf = twoFactor[0];
  const phone = methods.find((m) => m.phone)?.phone ?? tf?.phone ?? null;
  return {
    user: {
      ...toPublicUser(record),
      locked: record.failedLoginCount >= MAX_CONSECUTIVE_FAILURES,
      failedSignIns: record.failedLoginCount,
      phoneOnFile: phone ? maskPhone(phone) : null,
    },
    roles: roles.map((r) => r.name),
    signInMethods: methods.map((m) => ({ method: m.method, phone: m.phone ? maskPhone(m.phone) : null, createdAt: m.createdAt })),
    twoFactor: tf ? { method: tf.method, phone: tf.phone ? maskPhone(tf.phone) : null, since: tf.createdAt } : null,
    passkeys: passkeys.map((p) => ({ id: p.id, name: p.name, usage: p.usage, createdAt: p.createdAt, lastUsedAt: p.lastUsedAt })),
    recoveryCodes: codes,
    sessions: sessions.map((s) => ({ id: sessionPublicId(s.tokenHash), ip: s.ip, userAgent: s.userAgent, createdAt: s.createdAt, lastSeenAt: s.lastSeenAt })),
    tokens: tokens.map((k) => ({ id: sessionPublicId(k.tokenHash), createdAt: k.createdAt, lastUsedAt: k.lastUsedAt, expiresAt: k.expiresAt })),
    refreshFamilies: families,
    oauthLinks: links.map((l) => ({ provider: l.provider, email: l.email, createdAt: l.createdAt, lastUsedAt: l.lastUsedAt })),
    activity,
  };
}
