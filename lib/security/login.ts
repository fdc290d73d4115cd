import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { getConfig } from "./config";
import { fail, messageFor, type Result } from "./errors";
import { recordEvent } from "./events";
import { burnPasswordCheck, verifyPassword } from "./password";
import { checkRateLimit, consumeRateLimit, MAX_CONSECUTIVE_FAILURES, RATE_LIMITS, resetRateLimit } from "./rate-limit";
import type { RequestContext } from "./request-context";
import { createSession, type AuthnMethod, type NewSession } from "./sessions";
import { findUserByIdentity, type UserRecord } from "./users";

export interface PasswordLoginInput {
  identity: string;
  password: string;
  remember: boolean;
}

export type LoginSuccess = { user: UserRecord; session: NewSession };

/**
 * Password sign-in. Order of checks follows the reference (password, then active, then
 * confirmed) so nothing about an account is revealed without its password; an unknown identity
 * still costs one hash so timing does not tell.
 */
export async function loginWithPassword(input: PasswordLoginInput, ctx: RequestContext): Promise<Result<LoginSuccess>> {
  const config = getConfig();
  const identity = input.identity.trim();
  const ipBudget = await consumeRateLimit(RATE_LIMITS.loginPerIp, ctx.ip);
  if (!ipBudget.ok) return fail("RATE_LIMITED", undefined, ipBudget.retryAfter);
  const user = await findUserByIdentity(identity, config.username.enabled);
  // Unknown identities get a budget too, so "locked" never tells that an account exists.
  const accountKey = user ? user.id : `unknown:${identity.toLowerCase()}`;
  const accountBudget = await checkRateLimit(RATE_LIMITS.loginFailuresPerAccount, accountKey);
  if (!accountBudget.ok) return fail("RATE_LIMITED", undefined, accountBudget.retryAfter);
  if (!user || !user.passwordHash) {
    await burnPasswordCheck(input.password);
    await consumeRateLimit(RATE_LIMITS.loginFailuresPerAccount, accountKey);
    await recordEvent("user_failed_authn", { userId: user?.id ?? null, ctx, data: { authType: "password", reason: user ? "no_password" : "unknown_identity" } });
    return config.genericResponses
      ? fail("GENERIC_AUTHN_FAILED")
      : fail("USER_DOES_NOT_EXIST", { identity: [messageFor("USER_DOES_NOT_EXIST")] });
  }
  if (user.failedLoginCount >= MAX_CONSECUTIVE_FAILURES) {
    await burnPasswordCheck(input.password);
    return fail("ACCOUNT_LOCKED");
  }
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailedPassword(user, ctx);
    return config.genericResponses
      ? fail("GENERIC_AUTHN_FAILED")
      : fail("INVALID_PASSWORD", { password: [messageFor("INVALID_PASSWORD")] });
  }
  if (!user.active) return fail("DISABLED_ACCOUNT");
  if (config.features.confirmable && !config.loginWithoutConfirmation && !user.confirmedAt) return fail("CONFIRMATION_REQUIRED");

  await resetRateLimit(RATE_LIMITS.loginFailuresPerAccount, user.id);
  const session = await completeLogin(user, { authnVia: ["password"], remember: input.remember, ctx });
  return { ok: true, user, session };
}

/** Starts the session and updates the trackable fields; every first-factor flow ends here. */
export async function completeLogin(
  user: UserRecord,
  options: { authnVia: AuthnMethod[]; remember: boolean; ctx: RequestContext },
): Promise<NewSession> {
  const config = getConfig();
  const db = await getDb();
  const session = await db.transaction(async (tx) => {
    await tx
      .update(tables.users)
      .set({
        failedLoginCount: 0,
        ...(config.features.trackable
          ? {
              lastLoginAt: sql`${tables.users.currentLoginAt}`,
              lastLoginIp: sql`${tables.users.currentLoginIp}`,
              currentLoginAt: sql`now()`,
              currentLoginIp: options.ctx.ip,
              loginCount: sql`${tables.users.loginCount} + 1`,
            }
          : {}),
      })
      .where(eq(tables.users.id, user.id));
    return createSession(user, options, tx);
  });
  await recordEvent("user_authenticated", { userId: user.id, ctx: options.ctx, data: { authnVia: options.authnVia, remember: options.remember } });
  return session;
}

async function recordFailedPassword(user: UserRecord, ctx: RequestContext): Promise<void> {
  const db = await getDb();
  await consumeRateLimit(RATE_LIMITS.loginFailuresPerAccount, user.id);
  const [row] = await db
    .update(tables.users)
    .set({ failedLoginCount: sql`${tables.users.failedLoginCount} + 1` })
    .where(eq(tables.users.id, user.id))
    .returning({ failures: tables.users.failedLoginCount });
  await recordEvent("user_failed_authn", { userId: user.id, ctx, data: { authType: "password" } });
  if (row?.failures === MAX_CONSECUTIVE_FAILURES) await recordEvent("account_locked", { userId: user.id, ctx });
}
