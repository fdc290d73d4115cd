import "server-only";
import { and, desc, eq, gt, isNull, max, min } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { hashToken } from "../core/crypto";
import { fail, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import type { RequestContext } from "../core/request-context";
import { isUuid } from "../accounts/identity";
import { revokeFamily } from "./refresh-tokens";

/** An auth token as its owner's sessions page shows it: never its hash, only an id that names it. */
export interface ListedAuthToken {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  authnVia: string[];
  /** Issued by a refresh-token family (it ends with it). */
  fromRefresh: boolean;
}

/** A live refresh-token family: created at its sign-in, last used at its newest exchange. */
export interface ListedRefreshFamily {
  id: string;
  createdAt: Date;
  lastUsedAt: Date;
  expiresAt: Date;
  authnVia: string[];
}

/** The public id of an auth token (as sessionPublicId for sessions): derived from the hash, useless as a credential. */
function tokenPublicId(tokenHash: string): string {
  return hashToken(`auth-token-id:${tokenHash}`).slice(0, 22);
}

/** The user's unexpired JSON API auth tokens, newest first. No user agent or IP is stored with them. */
export async function listAuthTokens(userId: string): Promise<ListedAuthToken[]> {
  const table = tables.authTokens;
  const rows = await (
    await getDb()
  )
    .select()
    .from(table)
    .where(and(eq(table.userId, userId), gt(table.expiresAt, new Date())))
    .orderBy(desc(table.createdAt));
  return rows.map((r) => ({
    id: tokenPublicId(r.tokenHash),
    createdAt: r.createdAt,
    lastUsedAt: r.lastUsedAt,
    expiresAt: r.expiresAt,
    authnVia: r.authnVia,
    fromRefresh: r.refreshFamilyId !== null,
  }));
}

/** The user's live refresh-token families (not revoked, not past their absolute expiry), newest first. */
export async function listRefreshFamilies(userId: string): Promise<ListedRefreshFamily[]> {
  const table = tables.refreshTokens;
  const rows = await (
    await getDb()
  )
    .select({
      id: table.familyId,
      createdAt: min(table.createdAt),
      lastUsedAt: max(table.createdAt),
      expiresAt: max(table.familyExpiresAt),
      authnVia: min(table.authnVia),
    })
    .from(table)
    .where(and(eq(table.userId, userId), isNull(table.revokedAt), gt(table.familyExpiresAt, new Date())))
    .groupBy(table.familyId)
    .orderBy(desc(max(table.createdAt)));
  return rows.map((r) => ({
    id: r.id,
    createdAt: new Date(r.createdAt ?? 0),
    lastUsedAt: new Date(r.lastUsedAt ?? 0),
    expiresAt: new Date(r.expiresAt ?? 0),
    authnVia: r.authnVia ?? [],
  }));
}

/**
 * Ends one of the user's own auth tokens by its public id. Another user's id, a garbage id or one
 * already gone is TOKEN_NOT_FOUND and changes nothing (the delete is also scoped to the user).
 */
export async function revokeOwnAuthToken(userId: string, publicId: string, ctx: RequestContext): Promise<Result> {
  if (!/^[A-Za-z0-9_-]{22}$/.test(publicId)) return fail("TOKEN_NOT_FOUND");
  const db = await getDb();
  const table = tables.authTokens;
  const own = await db.select({ tokenHash: table.tokenHash }).from(table).where(eq(table.userId, userId));
  const target = own.find((t) => tokenPublicId(t.tokenHash) === publicId);
  if (!target) return fail("TOKEN_NOT_FOUND");
  const gone = await db
    .delete(table)
    .where(and(eq(table.userId, userId), eq(table.tokenHash, target.tokenHash)))
    .returning({ one: table.tokenHash });
  if (!gone.length) return fail("TOKEN_NOT_FOUND");
  await recordEvent("session_revoked", { userId, ctx, data: { kind: "auth-token" } });
  return { ok: true };
}

/** Ends one of the user's own refresh-token families (and the auth tokens it issued); not the user's: TOKEN_NOT_FOUND. */
export async function revokeOwnRefreshFamily(userId: string, familyId: string, ctx: RequestContext): Promise<Result> {
  if (!isUuid(familyId)) return fail("TOKEN_NOT_FOUND");
  const db = await getDb();
  const table = tables.refreshTokens;
  const [owned] = await db
    .select({ familyId: table.familyId })
    .from(table)
    .where(and(eq(table.userId, userId), eq(table.familyId, familyId), isNull(table.revokedAt)))
    .limit(1);
  if (!owned) return fail("TOKEN_NOT_FOUND");
  await revokeFamily(familyId, null);
  await recordEvent("refresh_tracker_revoked", { userId, ctx, data: { reason: "REVOKED", by: "owner" } });
  return { ok: true };
}
