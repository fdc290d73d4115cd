import "server-only";
import { and, asc, count, eq, isNotNull, like, sql, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { getDb } from "@/lib/db";
import { decryptSecret, keyIds, SecretUnavailableError, secretUnavailableMessage, type SecretUnavailableReason } from "./encryption";
import { keyIdOf, needsRotation, SECRET_TABLES, type SecretTable } from "./secrets-at-rest";

/** Rows per transaction: short enough that sign-ins waiting on a row lock barely notice. */
export const ROTATION_BATCH_SIZE = 200;

export interface RotationReport {
  table: string;
  /** Live rows in the table. */
  rows: number;
  /** Rows re-encrypted (or, in a dry run, that would be). */
  rotated: number;
  /** Rows the configured keys cannot decrypt, left untouched; by key id. */
  unavailable: Record<string, number>;
}

/** Rows after `after` in primary-key order (a row comparison, so the index serves it). */
function keysetAfter(pk: PgColumn[], after: unknown[]): SQL {
  return sql`(${sql.join(pk, sql`, `)}) > (${sql.join(
    after.map((v) => sql`${v}`),
    sql`, `,
  )})`;
}

/**
 * Re-encrypts every secret at rest under the newest key (SECURITY_ENCRYPTION_KEYS' first entry,
 * or the key derived from the current AUTH_SECRET) and rewrites recovery-code look-up hashes.
 * Idempotent: rows already under the newest key are not touched. Each batch is one transaction
 * that locks its rows, so a sign-in racing the rotation sees either the old or the new value.
 */
export async function rotateSecrets(options: { dryRun?: boolean; batchSize?: number } = {}): Promise<RotationReport[]> {
  const batchSize = options.batchSize ?? ROTATION_BATCH_SIZE;
  const db = await getDb();
  const reports: RotationReport[] = [];
  for (const def of SECRET_TABLES) {
    const [total] = await db.select({ n: count() }).from(def.table).where(def.live);
    const report: RotationReport = { table: def.name, rows: Number(total?.n ?? 0), rotated: 0, unavailable: {} };
    const pkFields = Object.fromEntries(def.pk.map((column, i) => [`pk${i}`, column]));
    let after: unknown[] | null = null;
    for (;;) {
      const cursor: unknown[] | null = after;
      const rows = await db.transaction(async (tx): Promise<Record<string, unknown>[]> => {
        const batch: Record<string, unknown>[] = await tx
          .select({ ...pkFields, ...def.ciphertexts, ...def.lookups, ...def.read })
          .from(def.table)
          .where(and(def.live, needsRotation(def), cursor ? keysetAfter(def.pk, cursor) : undefined))
          .orderBy(...def.pk.map((column) => asc(column)))
          .limit(batchSize)
          .for("update");
        for (const row of batch) {
          let values: Record<string, unknown>;
          try {
            values = def.reencrypt(row);
          } catch (error) {
            if (!(error instanceof SecretUnavailableError)) throw error;
            report.unavailable[error.keyId] = (report.unavailable[error.keyId] ?? 0) + 1;
            continue;
          }
          report.rotated++;
          if (!options.dryRun) {
            await tx
              .update(def.table)
              .set(values)
              .where(and(...def.pk.map((column, i) => eq(column, row[`pk${i}`]))));
          }
        }
        return batch;
      });
      const last: Record<string, unknown> | undefined = rows.at(-1);
      if (!last || rows.length < batchSize) break;
      after = def.pk.map((_, i): unknown => last[`pk${i}`]);
    }
    reports.push(report);
  }
  return reports;
}

export interface KeyProblem {
  column: string;
  keyId: string;
  reason: SecretUnavailableReason;
  rows: number;
}

/**
 * The start-up check: for each encrypted column, the key ids in use (one grouped query per
 * column) and whether one sample of each decrypts with the configured keys; for look-up hashes,
 * whether their key id is in the ring. Cheap: the tables hold a few rows per user.
 */
export async function findKeyProblems(): Promise<KeyProblem[]> {
  const db = await getDb();
  const ring = new Set(keyIds());
  const problems: KeyProblem[] = [];
  const inUse = async (def: SecretTable, value: PgColumn | SQL, only?: SQL) =>
    db
      .select({ keyId: keyIdOf(value), rows: count(), sample: sql<string>`min(${value})` })
      .from(def.table)
      .where(and(def.live, isNotNull(value), only))
      .groupBy(keyIdOf(value));
  for (const def of SECRET_TABLES) {
    for (const [column, value] of Object.entries(def.ciphertexts)) {
      for (const group of await inUse(def, value)) {
        try {
          decryptSecret(group.sample);
        } catch (error) {
          if (!(error instanceof SecretUnavailableError)) throw error;
          problems.push({ column, keyId: group.keyId, reason: error.reason, rows: Number(group.rows) });
        }
      }
    }
    for (const [column, value] of Object.entries(def.lookups ?? {})) {
      // Unprefixed (pre-key-id) hashes are found by decrypting when they no longer match.
      for (const group of await inUse(def, value, like(value, "%.%"))) {
        if (!ring.has(group.keyId)) problems.push({ column, keyId: group.keyId, reason: "unknown-key", rows: Number(group.rows) });
      }
    }
  }
  return problems;
}

/** Logs each problem findKeyProblems reports, with the way out; returns how many there were. */
export async function checkKeysInUse(): Promise<number> {
  const problems = await findKeyProblems();
  for (const p of problems) {
    console.error(`[gatehouse] ${p.column}: ${secretUnavailableMessage(p.keyId, p.reason, p.rows)}`);
  }
  return problems.length;
}

/** Rows left under other keys after a rotation (0 when everything is under the newest key). */
export async function rowsNotUnderNewestKey(): Promise<number> {
  const db = await getDb();
  let n = 0;
  for (const def of SECRET_TABLES) {
    const [row] = await db
      .select({ n: count() })
      .from(def.table)
      .where(and(def.live, needsRotation(def)));
    n += Number(row?.n ?? 0);
  }
  return n;
}
