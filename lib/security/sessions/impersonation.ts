import "server-only";
import { eq } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { getConfig } from "../config";
import { hashToken, randomToken } from "../core/crypto";
import { fail, type Result } from "../core/errors";
import type { RequestContext } from "../core/request-context";
import { recordAdminChange } from "../accounts/admin-events";
import { USERS_IMPERSONATE } from "../core/console-permissions";
import { holdsConsoleAccess } from "../accounts/console-access";
import { isUuid } from "../accounts/identity";
import { findUserById, getAuthorization } from "../accounts/users";
import type { NewSession } from "./new-session";
import { findActiveSession, type ActiveSession } from "./store";

/**
 * "View as" (decision 042; Flask-Security has none, better-auth's admin plugin does): an
 * administrator with users:impersonate gets a session *of the target* that records who opened it
 * and which of the administrator's sessions to return to. It lasts SECURITY_IMPERSONATION_LIFETIME,
 * is never fresh (store.ts's freshness() says stale, markAuthenticated skips it), needs no step-up
 * of the user's factors, and both accounts' activity logs show its start and its end.
 */

/** The session viewing as the user, and the administrator's token that goes aside meanwhile. */
export interface ImpersonationStarted {
  session: NewSession;
  /** The administrator's own session token and expiry, for the impersonator cookie. */
  keep: { token: string; expiresAt: Date };
  target: { id: string; email: string };
}

export async function startImpersonation(
  admin: ActiveSession & { token: string },
  targetId: string,
  ctx: RequestContext,
): Promise<Result<ImpersonationStarted>> {
  if (!admin.authorization.permissions.includes(USERS_IMPERSONATE) || admin.session.impersonatorId) return fail("UNAUTHORIZED");
  if (!isUuid(targetId)) return fail("USER_DOES_NOT_EXIST");
  const target = await findUserById(targetId);
  if (!target) return fail("USER_DOES_NOT_EXIST");
  // An account with console access cannot be viewed as: the viewer would act with its powers, logged as it.
  if (target.id === admin.user.id || !target.active || holdsConsoleAccess(await getAuthorization(target.id))) return fail("IMPERSONATION_NOT_ALLOWED");
  const token = randomToken();
  // Never longer than the administrator's own session: returning must find it alive.
  const expiresAt = new Date(Math.min(Date.now() + getConfig().impersonationLifetime * 1000, admin.session.expiresAt.getTime()));
  await (
    await getDb()
  ).transaction(async (tx) => {
    await tx.insert(tables.sessions).values({
      tokenHash: hashToken(token),
      userId: target.id,
      uniquifier: target.uniquifier,
      expiresAt,
      // The epoch: no freshness by time, whatever SECURITY_FRESHNESS is (freshness() refuses it anyway).
      authenticatedAt: new Date(0),
      authnVia: [],
      remember: false,
      ip: ctx.ip,
      userAgent: ctx.userAgent,
      impersonatorId: admin.user.id,
      impersonatorSessionHash: admin.session.tokenHash,
    });
    await recordAdminChange("impersonation_started", target.id, { until: expiresAt.toISOString() }, { actorId: admin.user.id, ctx }, tx);
  });
  return {
    ok: true,
    session: { token, userId: target.id, expiresAt, remember: false },
    keep: { token: admin.token, expiresAt: admin.session.expiresAt },
    target: { id: target.id, email: target.email },
  };
}

/**
 * "Return to my account": ends every session opened from the administrator's kept session (the
 * current one, or one that already expired) and hands that session back. The kept token must be
 * the one the impersonated session recorded, and still an active session of its administrator.
 */
export async function endImpersonation(
  current: { session: { tokenHash: string; impersonatorSessionHash: string | null } } | null,
  keptToken: string | undefined,
  ctx: RequestContext,
): Promise<Result<{ session: NewSession }>> {
  const admin = keptToken ? await findActiveSession(keptToken) : null;
  if (!admin || !keptToken) return fail("IMPERSONATION_NOT_ACTIVE");
  const keptHash = hashToken(keptToken);
  // A signed-in session that is not this administrator's view-as (someone signed in since) keeps its place.
  if (current && current.session.impersonatorSessionHash !== keptHash) return fail("IMPERSONATION_NOT_ACTIVE");
  await (
    await getDb()
  ).transaction(async (tx) => {
    const ended = await tx.delete(tables.sessions).where(eq(tables.sessions.impersonatorSessionHash, keptHash)).returning({ userId: tables.sessions.userId });
    for (const userId of new Set(ended.map((e) => e.userId))) {
      await recordAdminChange("impersonation_ended", userId, {}, { actorId: admin.user.id, ctx }, tx);
    }
  });
  return { ok: true, session: { token: keptToken, userId: admin.user.id, expiresAt: admin.session.expiresAt, remember: admin.session.remember } };
}
