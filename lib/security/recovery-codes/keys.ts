import "server-only";
import { and, eq, isNull, notLike, sql } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { constantTimeEqual } from "../core/crypto";
import { tryDecryptSecret } from "../core/encryption";

/**
 * Recovery codes across key changes. Codes are found by a keyed look-up hash (lookupHmac); rows
 * written before those hashes carried a key id are keyed by AUTH_SECRET, which cannot be
 * recomputed once AUTH_SECRET changes. Such a row is found by decrypting instead (a user has at
 * most a few codes) until `npm run keys:rotate` rewrites its hash.
 */
export async function consumeUnprefixedRecoveryCode(userId: string, code: string, db?: Queryable): Promise<boolean> {
  const q = db ?? (await getDb());
  const t = tables.recoveryCodes;
  const rows = await q
    .select({ codeHmac: t.codeHmac, codeEncrypted: t.codeEncrypted })
    .from(t)
    .where(and(eq(t.userId, userId), isNull(t.usedAt), notLike(t.codeHmac, "%.%")));
  const match = rows.find((row) => {
    const plain = tryDecryptSecret(row.codeEncrypted);
    return plain !== null && constantTimeEqual(plain, code);
  });
  if (!match) return false;
  // The same single-use update as the look-up path: of two concurrent uses one wins.
  const used = await q
    .update(t)
    .set({ usedAt: sql`now()` })
    .where(and(eq(t.userId, userId), eq(t.codeHmac, match.codeHmac), isNull(t.usedAt)))
    .returning({ userId: t.userId });
  return used.length > 0;
}

/**
 * Whether some of the user's unused codes cannot be checked with the configured keys: a code that
 * did not match may be one of them, so the answer is SECRET_UNAVAILABLE, not "invalid code".
 */
export async function recoveryCodesUnavailable(userId: string): Promise<boolean> {
  const db = await getDb();
  const t = tables.recoveryCodes;
  const rows = await db
    .select({ codeEncrypted: t.codeEncrypted })
    .from(t)
    .where(and(eq(t.userId, userId), isNull(t.usedAt)));
  return rows.some((row) => tryDecryptSecret(row.codeEncrypted) === null);
}
