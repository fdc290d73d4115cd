import "server-only";
import { and, eq, gt, sql } from "drizzle-orm";
import { getDb, preparedFor, type Database, type Queryable, tables } from "@/lib/db";
import { getConfig } from "../config";
import type { AuthnMethod } from "../core/authn-methods";
import { hashToken, randomToken } from "../core/crypto";
import { pruneNowAndThen } from "../core/prune";
import { recordAdminChange, type AdminOptions } from "../accounts/admin-events";
import { isUuid } from "../accounts/identity";
import type { UserRecord } from "../accounts/users";
import { fail, type Result } from "../core/errors";
import { AUTHORIZATION_COLUMNS, touchNowAndThen, type ActiveSession } from "./store";

/**
 * The JSON API's auth tokens (Flask-Security's `Authentication-Token`), kept like sessions: a
 * random opaque value, only its SHA-256 stored, checked with one indexed query joining the user.
 * Not a signed token anyone can decode, and revocable: a rotated uniquifier, a deactivated user
 * or an expiry (SECURITY_TOKEN_MAX_AGE) reads as anonymous on the very next request.
 */
export type AuthTokenRecord = typeof tables.authTokens.$inferSelect;

export type ActiveAuthToken = Omit<ActiveSession, "session"> & { token: AuthTokenRecord };

/** The uniquifier a token is bound to: the user's, or their token uniquifier (SECURITY_TOKEN_UNIQUIFIER). */
export function bindingOf(user: Pick<UserRecord, "uniquifier" | "tokenUniquifier">): string {
  return getConfig().api.token.separateUniquifier ? user.tokenUniquifier : user.uniquifier;
}

/**
 * A new token for a user who has just proven who they are (`authenticatedAt`: their freshness),
 * or for a refresh-token family (`refreshFamilyId`: the family's replay ends it too).
 */
export async function issueAuthToken(
  user: Pick<UserRecord, "id" | "uniquifier" | "tokenUniquifier">,
  proof: { authnVia: AuthnMethod[]; authenticatedAt: Date; refreshFamilyId?: string },
  db?: Queryable,
): Promise<{ token: string; expiresAt: Date }> {
  const token = randomToken();
  const expiresAt = new Date(Date.now() + getConfig().api.token.maxAge * 1000);
  await (db ?? (await getDb())).insert(tables.authTokens).values({
    tokenHash: hashToken(token),
    userId: user.id,
    uniquifier: bindingOf(user),
    expiresAt,
    authenticatedAt: proof.authenticatedAt,
    authnVia: proof.authnVia,
    refreshFamilyId: proof.refreshFamilyId ?? null,
  });
  pruneNowAndThen("authTokens");
  return { token, expiresAt };
}

/** The one query behind a token-authenticated request, as findActiveSession is for a cookie (prepared once per handle). */
function prepareTokenLookup(db: Database, separate: boolean) {
  return db
    .select({ token: tables.authTokens, user: tables.users, ...AUTHORIZATION_COLUMNS })
    .from(tables.authTokens)
    .innerJoin(tables.users, eq(tables.users.id, tables.authTokens.userId))
    .where(
      and(
        eq(tables.authTokens.tokenHash, sql.placeholder("tokenHash")),
        gt(tables.authTokens.expiresAt, sql`now()`),
        eq(tables.authTokens.uniquifier, separate ? tables.users.tokenUniquifier : tables.users.uniquifier),
        eq(tables.users.active, true),
      ),
    )
    .prepare(separate ? "find_active_auth_token_tu" : "find_active_auth_token");
}

const tokenLookup = preparedFor((db) => prepareTokenLookup(db, false));
const tokenLookupSeparate = preparedFor((db) => prepareTokenLookup(db, true));

export async function findActiveAuthToken(token: string): Promise<ActiveAuthToken | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  const db = await getDb();
  const tokenHash = hashToken(token);
  const lookup = getConfig().api.token.separateUniquifier ? tokenLookupSeparate : tokenLookup;
  const [row] = await lookup(db).execute({ tokenHash });
  if (!row) return null;
  touchNowAndThen(row.token.lastUsedAt, () =>
    db
      .update(tables.authTokens)
      .set({ lastUsedAt: sql`now()` })
      .where(eq(tables.authTokens.tokenHash, tokenHash)),
  );
  return { token: row.token, user: row.user, authorization: { roles: row.roles, permissions: row.permissions } };
}

/**
 * A token carries the freshness of the sign-in that issued it (SECURITY_FRESHNESS_ALLOW_AUTH_TOKEN;
 * when off, a token is never fresh). No grace period: Flask-Security keeps grace for sessions.
 */
export function isTokenFresh(token: Pick<AuthTokenRecord, "authenticatedAt">, withinSeconds?: number): boolean {
  const config = getConfig();
  const limit = withinSeconds ?? config.freshness.maxAge;
  if (limit < 0) return true;
  if (!config.api.token.freshness) return false;
  return limit > 0 && Date.now() - token.authenticatedAt.getTime() < limit * 1000;
}

/** Ends one token (logout with the token that made the call). */
export async function revokeAuthToken(token: string): Promise<void> {
  const db = await getDb();
  await db.delete(tables.authTokens).where(eq(tables.authTokens.tokenHash, hashToken(token)));
}

/**
 * Rotates the user's token uniquifier (Flask-Security's `set_token_uniquifier`): with
 * SECURITY_TOKEN_UNIQUIFIER, every auth token of the user dies and their sessions live on.
 * `uniquifier` sets a chosen value (Flask-Security's optional argument); otherwise a random one.
 * @public
 */
export async function setTokenUniquifier(userId: string, options: AdminOptions & { uniquifier?: string } = {}): Promise<Result> {
  if (!isUuid(userId)) return fail("USER_DOES_NOT_EXIST");
  if (options.uniquifier !== undefined && !/^[A-Za-z0-9_-]{16,128}$/.test(options.uniquifier)) return fail("INVALID_INPUT");
  return (await getDb()).transaction(async (tx): Promise<Result> => {
    const rows = await tx
      .update(tables.users)
      .set({ tokenUniquifier: options.uniquifier ?? randomToken(), updatedAt: sql`now()` })
      .where(eq(tables.users.id, userId))
      .returning({ id: tables.users.id });
    if (!rows.length) return fail("USER_DOES_NOT_EXIST");
    await recordAdminChange("token_uniquifier_changed", userId, {}, options, tx);
    return { ok: true };
  });
}
