import "server-only";
import { randomBytes } from "node:crypto";
import { and, count, eq, inArray, isNull, sql } from "drizzle-orm";
import { getDb, type Queryable, tables } from "@/lib/db";
import { getConfig } from "../config";
import { encryptSecret, lookupHmac, lookupHmacs } from "../core/encryption";
import { fail, type Result } from "../core/errors";
import { utility } from "../core/plugins";
import { recordEvent } from "../core/events";
import { consumeUnprefixedRecoveryCode } from "./keys";
import type { RequestContext } from "../core/request-context";

/** Flask-Security's format: three groups of four hex digits (48 bits each). */
const builtInCode = (): string => (randomBytes(6).toString("hex").match(/.{4}/g) ?? []).join("-");

/** Accepts what people type: any case, spaces or dashes anywhere. */
function builtInNormalize(input: string): string | null {
  const hex = input.toLowerCase().replace(/[\s-]/g, "");
  return /^[0-9a-f]{12}$/.test(hex) ? hex.match(/.{4}/g)!.join("-") : null;
}

/** A new code: the recovery-codes utility's (lib/security/plugins.ts), by default builtInCode. */
function newCode(): string {
  const custom = utility("recoveryCodes").generate;
  return custom ? custom(builtInCode) : builtInCode();
}

/** A typed code in its stored form, or null (the recovery-codes utility's normaliser). */
export function normalizeRecoveryCode(input: string): string | null {
  const custom = utility("recoveryCodes").normalize;
  return custom ? custom(input, builtInNormalize) : builtInNormalize(input);
}

/** Replaces the user's codes with a fresh set and returns them (the only time they are shown). */
export async function generateRecoveryCodes(userId: string, ctx: RequestContext): Promise<string[]> {
  const { count: n } = getConfig().recoveryCodes;
  const codes = Array.from({ length: n }, newCode);
  const db = await getDb();
  await db.transaction(async (tx) => {
    await tx.delete(tables.recoveryCodes).where(eq(tables.recoveryCodes.userId, userId));
    await tx
      .insert(tables.recoveryCodes)
      .values(codes.map((code) => ({ userId, codeHmac: lookupHmac(`${userId}:${code}`), codeEncrypted: encryptSecret(code) })));
    await recordEvent("mf_recovery_codes_generated", { userId, ctx, data: { count: n } }, tx);
  });
  return codes;
}

/**
 * Uses one code, once: a single `UPDATE … WHERE used_at IS NULL RETURNING`, so the same code
 * submitted twice at once succeeds once.
 */
export async function consumeRecoveryCode(userId: string, input: string, db?: Queryable): Promise<boolean> {
  const code = normalizeRecoveryCode(input);
  if (!code) return false;
  const rows = await (db ?? (await getDb()))
    .update(tables.recoveryCodes)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(tables.recoveryCodes.userId, userId),
        inArray(tables.recoveryCodes.codeHmac, lookupHmacs(`${userId}:${code}`)),
        isNull(tables.recoveryCodes.usedAt),
      ),
    )
    .returning({ userId: tables.recoveryCodes.userId });
  return rows.length > 0 || consumeUnprefixedRecoveryCode(userId, code, db);
}

/**
 * A new set for the account page and `POST /api/security/mf-recovery-codes`: replaces every code
 * and hands the new ones back, the only time they are ever shown (only their HMACs are kept).
 * `replaced`: there was a set before, which no longer works.
 */
export async function regenerateRecoveryCodes(userId: string, ctx: RequestContext): Promise<Result<{ codes: string[]; replaced: boolean }>> {
  if (!getConfig().recoveryCodes.enabled) return fail("API_ERROR");
  const before = await recoveryCodeStatus(userId);
  const codes = await generateRecoveryCodes(userId, ctx);
  return { ok: true, codes, replaced: before.total > 0 };
}

export async function recoveryCodeStatus(userId: string, db?: Queryable): Promise<{ total: number; remaining: number }> {
  const [row] = await (db ?? (await getDb()))
    .select({ total: count(), remaining: sql<number>`count(*) filter (where ${tables.recoveryCodes.usedAt} is null)` })
    .from(tables.recoveryCodes)
    .where(eq(tables.recoveryCodes.userId, userId));
  return { total: Number(row?.total ?? 0), remaining: Number(row?.remaining ?? 0) };
}

export async function deleteRecoveryCodes(userId: string, db?: Queryable): Promise<void> {
  await (db ?? (await getDb())).delete(tables.recoveryCodes).where(eq(tables.recoveryCodes.userId, userId));
}
