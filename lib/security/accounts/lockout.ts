import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { queueEmail } from "@/lib/outbox/queue";
import { getConfig } from "../config";
import { humanizeDuration } from "../config/duration";
import { fail, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import { links } from "../core/links";
import { checkRateLimit, consumeRateLimit, MAX_CONSECUTIVE_FAILURES, RATE_LIMITS, resetRateLimit } from "../core/rate-limit";
import type { RequestContext } from "../core/request-context";
import { consumeToken, issueToken } from "../core/tokens";
import type { UserRecord } from "./users";

/**
 * Failed sign-ins and the hard lock (NIST 800-63B §5.2.2: at most 100 consecutive failures per
 * account). Every wrong password, passcode or second-factor code counts. An unknown identity has a
 * counter too, so the lock never tells an attacker that an account exists: both answer
 * ACCOUNT_LOCKED after the same number of tries. The owner of a real account is emailed a
 * single-use unlock link when the lock closes, so a stranger cannot lock them out for good.
 */

/** How long the emailed unlock link works. */
const UNLOCK_WITHIN_SECONDS = 24 * 60 * 60;

/** The rate-limit key for an identity that names no account (normalised like a look-up). */
export function unknownIdentityKey(identity: string): string {
  return `unknown:${identity.trim().normalize("NFKC").toLowerCase()}`;
}

/** Whether sign-in is closed: the account's consecutive failures, or an unknown identity's. */
export async function isLockedOut(user: UserRecord | null, identityKey: string): Promise<boolean> {
  if (user) return user.failedLoginCount >= MAX_CONSECUTIVE_FAILURES;
  const counted = await checkRateLimit(RATE_LIMITS.consecutiveFailuresUnknown, identityKey);
  return !counted.ok;
}

/** A wrong first factor for a name that has no account: counted like a real one. */
export async function recordUnknownIdentityFailure(identityKey: string, ctx: RequestContext, authType: string): Promise<void> {
  await Promise.all([
    consumeRateLimit(RATE_LIMITS.loginFailuresPerAccount, identityKey),
    consumeRateLimit(RATE_LIMITS.consecutiveFailuresUnknown, identityKey),
    recordEvent("user_failed_authn", { userId: null, ctx, data: { authType, reason: "unknown_identity" } }),
  ]);
}

/**
 * A wrong password, passcode or second-factor code: counts against the account (the temporary
 * budget and the consecutive-failure lock) and is logged. The failure that closes the lock emails
 * the owner an unlock link.
 */
export async function recordFailedSignIn(
  user: UserRecord,
  ctx: RequestContext,
  data: { authType: string; tfa?: boolean },
  options: { logged?: boolean } = {},
): Promise<void> {
  const db = await getDb();
  await consumeRateLimit(RATE_LIMITS.loginFailuresPerAccount, user.id);
  await db.transaction(async (tx) => {
    const [row] = await tx
      .update(tables.users)
      .set({ failedLoginCount: sql`least(${tables.users.failedLoginCount} + 1, ${MAX_CONSECUTIVE_FAILURES})` })
      .where(eq(tables.users.id, user.id))
      .returning({ failures: tables.users.failedLoginCount });
    if (!options.logged) await recordEvent("user_failed_authn", { userId: user.id, ctx, data }, tx);
    // Exactly the failure that reached the ceiling (the counter stops there) sends the link.
    if (row?.failures === MAX_CONSECUTIVE_FAILURES && user.failedLoginCount < MAX_CONSECUTIVE_FAILURES) {
      await recordEvent("account_locked", { userId: user.id, ctx }, tx);
      const { token } = await issueToken("unlock", user.id, UNLOCK_WITHIN_SECONDS, { uniquifier: user.uniquifier }, tx);
      const config = getConfig();
      await queueEmail(
        "account_locked",
        user.email,
        {
          appName: config.appName,
          email: user.email,
          unlockLink: links.unlock(token),
          within: humanizeDuration(UNLOCK_WITHIN_SECONDS),
          resetLink: links.forgotPassword(),
        },
        tx,
      );
    }
  });
}

/** The emailed unlock link (a POST from its page): the counter and the temporary budget start over. */
export async function unlockAccount(token: string, ctx: RequestContext): Promise<Result> {
  const db = await getDb();
  const outcome = await db.transaction(async (tx): Promise<Result<{ userId: string }>> => {
    const used = await consumeToken("unlock", token, tx);
    if (used.status === "expired") return fail("UNLOCK_EXPIRED");
    if (used.status !== "valid") return fail("INVALID_UNLOCK_TOKEN");
    const unlocked = await tx
      .update(tables.users)
      .set({ failedLoginCount: 0 })
      .where(and(eq(tables.users.id, used.userId), eq(tables.users.uniquifier, used.payload.uniquifier ?? "")))
      .returning({ id: tables.users.id });
    if (!unlocked.length) return fail("INVALID_UNLOCK_TOKEN");
    await recordEvent("account_unlocked", { userId: used.userId, ctx }, tx);
    return { ok: true, userId: used.userId };
  });
  if (!outcome.ok) return outcome;
  await resetRateLimit(RATE_LIMITS.loginFailuresPerAccount, outcome.userId);
  return { ok: true };
}
