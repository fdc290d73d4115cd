import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { logger } from "@/lib/observability/logger";
import { recordEvent } from "../core/events";
import { hashPassword, hashScheme, needsRehash, verifyPassword } from "../core/password-hash";
import type { RequestContext } from "../core/request-context";
import type { UserRecord } from "./users";

/**
 * Flask-Security's verify_and_update_password: true when `password` is the user's, and then a hash
 * that is outdated (another system's bcrypt/scrypt/PBKDF2, or argon2 below the current parameters)
 * is replaced by a current argon2id one in the same request. The replacement is conditional on
 * the old hash, so two sign-ins racing write one new hash and both succeed, and a password changed
 * meanwhile is never overwritten with the old one. A failed replacement never fails the sign-in.
 */
export async function verifyAndUpdatePassword(user: Pick<UserRecord, "id" | "passwordHash">, password: string, ctx?: RequestContext): Promise<boolean> {
  const stored = user.passwordHash;
  if (!stored || !(await verifyPassword(stored, password))) return false;
  if (needsRehash(stored)) await rehash(user.id, stored, password, ctx);
  return true;
}

async function rehash(userId: string, stored: string, password: string, ctx: RequestContext | undefined): Promise<void> {
  try {
    const passwordHash = await hashPassword(password);
    const db = await getDb();
    await db.transaction(async (tx) => {
      const updated = await tx
        .update(tables.users)
        .set({ passwordHash, updatedAt: sql`now()` })
        .where(and(eq(tables.users.id, userId), eq(tables.users.passwordHash, stored)))
        .returning({ id: tables.users.id });
      if (updated.length) await recordEvent("password_rehashed", { userId, ctx, data: { from: hashScheme(stored), to: "argon2id" } }, tx);
    });
  } catch (error) {
    // The user proved the password; the old hash still verifies, so the next sign-in tries again.
    logger().error({ err: error, userId }, "password re-hash failed");
  }
}
