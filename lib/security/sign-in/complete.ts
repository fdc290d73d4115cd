import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, preparedFor, tables } from "@/lib/db";
import { getConfig } from "../config";
import { recordEvent } from "../core/events";
import { RATE_LIMITS, resetRateLimit } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import type { AuthnMethod } from "../core/authn-methods";
import { createSession, type NewSession } from "../sessions/store";
import type { UserRecord } from "../accounts/users";

// Every sign-in runs one of these: prepared once per database handle (lib/db/prepared.ts).
const trackSignInStatement = preparedFor((db) =>
  db
    .update(tables.users)
    .set({
      failedLoginCount: 0,
      lastLoginAt: sql`${tables.users.currentLoginAt}`,
      lastLoginIp: sql`${tables.users.currentLoginIp}`,
      currentLoginAt: sql`now()`,
      currentLoginIp: sql`${sql.placeholder("ip")}`,
      loginCount: sql`${tables.users.loginCount} + 1`,
    })
    .where(eq(tables.users.id, sql.placeholder("userId")))
    .prepare("user_track_sign_in"),
);

const clearFailuresStatement = preparedFor((db) =>
  db
    .update(tables.users)
    .set({ failedLoginCount: 0 })
    .where(eq(tables.users.id, sql.placeholder("userId")))
    .prepare("user_clear_failures"),
);

/** Starts the session and updates the trackable fields; every first-factor flow ends here. */
export async function completeLogin(user: UserRecord, options: { authnVia: AuthnMethod[]; remember: boolean; ctx: RequestContext }): Promise<NewSession> {
  const db = await getDb();
  // Four independent writes, sent together: a sign-in costs one round trip here, not four.
  const [session] = await Promise.all([
    createSession(user, options),
    getConfig().features.trackable
      ? trackSignInStatement(db).execute({ userId: user.id, ip: options.ctx.ip })
      : clearFailuresStatement(db).execute({ userId: user.id }),
    // A finished sign-in (every factor passed) restores the per-account failure budget.
    resetRateLimit(RATE_LIMITS.loginFailuresPerAccount, user.id),
    recordEvent("user_authenticated", { userId: user.id, ctx: options.ctx, data: { authnVia: options.authnVia, remember: options.remember } }),
  ]);
  return session;
}
