import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { getConfig } from "./config";
import { fail, messageFor, type Result } from "./errors";
import { recordEvent } from "./events";
import { burnPasswordCheck, verifyPassword } from "./password";
import { checkRateLimit, consumeRateLimit, MAX_CONSECUTIVE_FAILURES, RATE_LIMITS } from "./rate-limit";
import type { RequestContext } from "./request-context";
import { afterFirstFactor, readSecondFactorFacts, type FirstFactorOutcome } from "./second-factor";
import { findUserByIdentity, type UserRecord } from "./users";

export interface PasswordLoginInput {
  identity: string;
  password: string;
  remember: boolean;
  /** Where to go afterwards (already checked same-origin by the caller); kept across a second factor. */
  next?: string | null;
  /** The "remember this device" cookie, if the browser has one. */
  deviceCookie?: string;
}

export type LoginSuccess = { user: UserRecord; outcome: FirstFactorOutcome };

/**
 * Password sign-in. Order of checks follows the reference (password, then active, then
 * confirmed) so nothing about an account is revealed without its password; an unknown identity
 * still costs one hash so timing does not tell.
 */
export async function loginWithPassword(input: PasswordLoginInput, ctx: RequestContext): Promise<Result<LoginSuccess>> {
  const config = getConfig();
  const identity = input.identity.trim();
  const [ipBudget, user] = await Promise.all([
    consumeRateLimit(RATE_LIMITS.loginPerIp, ctx.ip),
    findUserByIdentity(identity, config.username.enabled),
  ]);
  if (!ipBudget.ok) return fail("RATE_LIMITED", undefined, ipBudget.retryAfter);
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
  const facts = readSecondFactorFacts(user.id);
  if (!(await verifyPassword(user.passwordHash, input.password))) {
    await recordFailedSignIn(user, ctx);
    return config.genericResponses
      ? fail("GENERIC_AUTHN_FAILED")
      : fail("INVALID_PASSWORD", { password: [messageFor("INVALID_PASSWORD")] });
  }
  if (!user.active) return fail("DISABLED_ACCOUNT");
  if (config.features.confirmable && !config.loginWithoutConfirmation && !user.confirmedAt) return fail("CONFIRMATION_REQUIRED");

  // The failure budget is restored by a completed sign-in (completeLogin), not here: the right
  // password alone must not wipe out wrong second-factor codes counted against the account.
  const outcome = await afterFirstFactor(user, {
    authnVia: ["password"],
    remember: input.remember,
    next: input.next ?? null,
    ctx,
    deviceCookie: input.deviceCookie,
    facts,
  });
  if (!outcome.ok) return outcome;
  return { ok: true, user, outcome };
}

/** A wrong password or passcode: counts against the account (temporary and hard lock) and is logged. */
export async function recordFailedSignIn(user: UserRecord, ctx: RequestContext, authType = "password"): Promise<void> {
  const db = await getDb();
  await consumeRateLimit(RATE_LIMITS.loginFailuresPerAccount, user.id);
  const [row] = await db
    .update(tables.users)
    .set({ failedLoginCount: sql`${tables.users.failedLoginCount} + 1` })
    .where(eq(tables.users.id, user.id))
    .returning({ failures: tables.users.failedLoginCount });
  await recordEvent("user_failed_authn", { userId: user.id, ctx, data: { authType } });
  if (row?.failures === MAX_CONSECUTIVE_FAILURES) await recordEvent("account_locked", { userId: user.id, ctx });
}
