import "server-only";
import { eq, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { fail, type Result } from "../core/errors";
import { hashPassword } from "../core/password-hash";
import { revokeTokens } from "../core/tokens";
import { recordAdminChange, type AdminOptions } from "../accounts/admin-events";
import { isUuid } from "../accounts/identity";
import { setUniquifier } from "../accounts/users";
import { notifyPasswordChange } from "./change";
import { checkPasswordPolicy, passwordPolicyFailure } from "./policy";

export interface AdminChangePasswordOptions extends AdminOptions {
  /** Send the change notice (when SECURITY_SEND_PASSWORD_CHANGE_EMAIL is on), as Flask-Security's notify=True. */
  notify?: boolean;
}

/**
 * Flask-Security's admin_change_password: an administrator sets a user's password. It must pass
 * the same policy as the user's own choice (length, breached list, strength). Every session of
 * the user ends (the uniquifier rotates and the rows go) and outstanding reset links die; the
 * owner is told by the change notice, written to the outbox in the same transaction. Telling the
 * user the new password is the administrator's business, out of band.
 * @public part of the programmable API (admin console, CLI).
 */
export async function adminChangePassword(userId: string, newPassword: string, options: AdminChangePasswordOptions = {}): Promise<Result> {
  if (!isUuid(userId)) return fail("USER_DOES_NOT_EXIST");
  const db = await getDb();
  const [user] = await db.select().from(tables.users).where(eq(tables.users.id, userId));
  if (!user) return fail("USER_DOES_NOT_EXIST");
  const policyError = await checkPasswordPolicy(newPassword, { email: user.email, username: user.username });
  if (policyError) return passwordPolicyFailure(policyError, "password");
  // Hashed before the transaction: argon2 takes tens of milliseconds a locked row need not wait.
  const passwordHash = await hashPassword(newPassword);
  return db.transaction(async (tx): Promise<Result> => {
    const updated = await tx
      .update(tables.users)
      .set({ passwordHash, passwordFromReset: false, updatedAt: sql`now()` })
      .where(eq(tables.users.id, userId))
      .returning({ email: tables.users.email });
    const changed = updated[0];
    if (!changed) return fail("USER_DOES_NOT_EXIST");
    await setUniquifier(userId, tx);
    await tx.delete(tables.sessions).where(eq(tables.sessions.userId, userId));
    await tx.delete(tables.pendingLogins).where(eq(tables.pendingLogins.userId, userId));
    await revokeTokens(userId, "reset", tx);
    await recordAdminChange("password_changed", userId, { admin: true }, options, tx);
    if (options.notify ?? true) await notifyPasswordChange(changed, tx);
    return { ok: true };
  });
}
