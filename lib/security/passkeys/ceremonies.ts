import "server-only";
import { and, eq, isNull } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { hashToken, randomToken } from "../core/crypto";
import { pruneNowAndThen } from "../core/prune";
import type { CEREMONY_PURPOSES } from "../core/stored-values";

/** What a WebAuthn ceremony is for; a state issued for one purpose is useless for another. */
export type CeremonyPurpose = (typeof CEREMONY_PURPOSES)[number];

export type Ceremony = typeof tables.webauthnChallenges.$inferSelect;

/**
 * Records a challenge in Postgres and returns the opaque state the browser sends back with
 * its answer. Nothing lives in process memory: any instance can finish the ceremony.
 */
export async function startCeremony(
  purpose: CeremonyPurpose,
  fields: { challenge: string; ttlSeconds: number; userId?: string; boundTo?: string; payload?: Record<string, string | boolean> },
): Promise<{ state: string; expiresAt: Date }> {
  const state = randomToken();
  const expiresAt = new Date(Date.now() + fields.ttlSeconds * 1000);
  const db = await getDb();
  const table = tables.webauthnChallenges;
  // A new ceremony replaces the same session's earlier one (repeated clicks do not pile up rows).
  if (fields.boundTo) await db.delete(table).where(and(eq(table.boundTo, fields.boundTo), eq(table.purpose, purpose)));
  await db.insert(table).values({
    stateHash: hashToken(state),
    purpose,
    challenge: fields.challenge,
    userId: fields.userId ?? null,
    boundTo: fields.boundTo ?? null,
    payload: fields.payload ?? {},
    expiresAt,
  });
  // Expired ceremonies are swept an hour after they end, so a late answer still reads "expired".
  pruneNowAndThen("webauthnChallenges");
  return { state, expiresAt };
}

export type CeremonyLookup = { status: "valid"; ceremony: Ceremony } | { status: "invalid" | "expired" };

/**
 * Takes the ceremony for a state: the row is deleted in the same statement, so of two
 * concurrent answers only one gets it (single-use), whether or not its answer then verifies.
 * `boundTo` must match what the ceremony was started for (the same session or pending login).
 */
export async function takeCeremony(purpose: CeremonyPurpose, state: string, boundTo?: string): Promise<CeremonyLookup> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(state)) return { status: "invalid" };
  const db = await getDb();
  const table = tables.webauthnChallenges;
  // The binding is part of the DELETE: an answer from another session cannot use up the owner's ceremony.
  const [row] = await db
    .delete(table)
    .where(and(eq(table.stateHash, hashToken(state)), eq(table.purpose, purpose), boundTo === undefined ? isNull(table.boundTo) : eq(table.boundTo, boundTo)))
    .returning();
  if (!row) return { status: "invalid" };
  // Same clock as startCeremony's expiresAt (this process's), so clock skew with the database cannot matter.
  if (row.expiresAt.getTime() <= Date.now()) return { status: "expired" };
  return { status: "valid", ceremony: row };
}
