import "server-only";
import { eq } from "drizzle-orm";
import { getDb, tables, type Tx } from "@/lib/db";
import { fail, type Result } from "../core/errors";
import { recordEvent } from "../core/events";
import type { RequestContext } from "../core/request-context";
import { isTwoFactorRequired } from "../core/two-factor-required";
import { recordAdminChange, type AdminOptions } from "../accounts/admin-events";
import { setUniquifier, type UserRecord } from "../accounts/users";
import { deleteRecoveryCodes } from "../recovery-codes/store";
import { isCodeMethod, rulesFor } from "./purposes";

/** What only two-factor does with its method: turn it off, and the administrator's reset. */

/** Turns two-factor off (fresh session required by the caller); refused when it is required. */
export async function disableTwoFactor(user: UserRecord, roles: string[], ctx: RequestContext): Promise<Result> {
  if (isTwoFactorRequired(roles)) return fail("TWO_FACTOR_REQUIRED");
  const db = await getDb();
  return db.transaction(async (tx): Promise<Result> => {
    const [removed] = await tx.delete(tables.twoFactor).where(eq(tables.twoFactor.userId, user.id)).returning();
    if (!removed) return fail("TWO_FACTOR_METHOD_NOT_AVAILABLE");
    await recordEvent("tf_disabled", { userId: user.id, ctx }, tx);
    await rulesFor("two-factor").queueChangeEmail(user, "disabled", isCodeMethod(removed.method) ? removed.method : null, tx);
    return { ok: true };
  });
}

/** The user's second factor and recovery codes go (the admin's reset, and resetUserAccess). */
export async function forgetTwoFactor(userId: string, tx: Tx): Promise<number> {
  const removed = await tx.delete(tables.twoFactor).where(eq(tables.twoFactor.userId, userId)).returning({ userId: tables.twoFactor.userId });
  await deleteRecoveryCodes(userId, tx);
  return removed.length;
}

/**
 * Admin helper (Flask-Security's tf_reset): forget the user's second factor and recovery codes
 * (they set up again if required), with its event on the user and the acting admin.
 */
export async function resetTwoFactor(userId: string, options: AdminOptions = {}): Promise<void> {
  const db = await getDb();
  await db.transaction(async (tx) => {
    await forgetTwoFactor(userId, tx);
    await tx.delete(tables.pendingLogins).where(eq(tables.pendingLogins.userId, userId));
    // Remembered devices are bound to the uniquifier: rotate it so they must pass again.
    await setUniquifier(userId, tx);
    await recordAdminChange("tf_reset", userId, {}, options, tx);
  });
}
