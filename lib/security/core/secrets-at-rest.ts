import "server-only";
import { and, gt, isNull, or, sql, type SQL } from "drizzle-orm";
import type { PgColumn, PgTable } from "drizzle-orm/pg-core";
import { tables } from "@/lib/db";
import { currentKeyId, decryptSecret, encryptSecret, lookupHmac } from "./encryption";

/**
 * Every place a secret is stored encrypted (grep for encryptSecret when adding one): what
 * `npm run keys:rotate` re-encrypts and what the start-up check reads the key ids of.
 */
export interface SecretTable {
  name: string;
  table: PgTable;
  /** The primary key, in index order: rotation walks the table by it. */
  pk: PgColumn[];
  /** Rows that still matter; expired tokens and sign-ins are left to expire. */
  live?: SQL;
  /** Encrypted values (`<keyId>.<iv>.<tag>.<body>`), by column label. */
  ciphertexts: Record<string, PgColumn | SQL>;
  /** Look-up hashes (`<keyId>.<hmac>`, or unprefixed from before key ids), by column label. */
  lookups?: Record<string, PgColumn | SQL>;
  /** Extra fields `reencrypt` needs. */
  read?: Record<string, PgColumn | SQL>;
  /** The values to write so the row is under the newest key (throws SecretUnavailableError). */
  reencrypt(row: Record<string, unknown>): Record<string, unknown>;
}

/** A ciphertext under the newest key stays as it is; any other is decrypted and encrypted again. */
function underNewestKey(ciphertext: string): string {
  return ciphertext.startsWith(`${currentKeyId()}.`) ? ciphertext : encryptSecret(decryptSecret(ciphertext));
}

function optional(value: unknown): string | null {
  return typeof value === "string" ? underNewestKey(value) : null;
}

const t = tables;
const tokenSecret = sql<string | null>`${t.oneTimeTokens.payload}->>'secret'`;

export const SECRET_TABLES: readonly SecretTable[] = [
  {
    name: "two_factor",
    table: t.twoFactor,
    pk: [t.twoFactor.userId],
    ciphertexts: { "two_factor.secret_encrypted": t.twoFactor.secretEncrypted },
    reencrypt: (row) => ({ secretEncrypted: underNewestKey(String(row["two_factor.secret_encrypted"])) }),
  },
  {
    name: "sign_in_methods",
    table: t.signInMethods,
    pk: [t.signInMethods.userId, t.signInMethods.method],
    ciphertexts: { "sign_in_methods.secret_encrypted": t.signInMethods.secretEncrypted },
    reencrypt: (row) => ({ secretEncrypted: underNewestKey(String(row["sign_in_methods.secret_encrypted"])) }),
  },
  {
    name: "recovery_codes",
    table: t.recoveryCodes,
    pk: [t.recoveryCodes.userId, t.recoveryCodes.codeHmac],
    ciphertexts: { "recovery_codes.code_encrypted": t.recoveryCodes.codeEncrypted },
    lookups: { "recovery_codes.code_hmac": t.recoveryCodes.codeHmac },
    read: { userId: t.recoveryCodes.userId },
    reencrypt: (row) => {
      const code = decryptSecret(String(row["recovery_codes.code_encrypted"]));
      return { codeEncrypted: underNewestKey(String(row["recovery_codes.code_encrypted"])), codeHmac: lookupHmac(`${String(row.userId)}:${code}`) };
    },
  },
  {
    name: "pending_logins",
    table: t.pendingLogins,
    pk: [t.pendingLogins.tokenHash],
    live: gt(t.pendingLogins.expiresAt, sql`now()`),
    ciphertexts: {
      "pending_logins.setup_secret_encrypted": t.pendingLogins.setupSecretEncrypted,
      "pending_logins.rescue_secret_encrypted": t.pendingLogins.rescueSecretEncrypted,
    },
    reencrypt: (row) => ({
      setupSecretEncrypted: optional(row["pending_logins.setup_secret_encrypted"]),
      rescueSecretEncrypted: optional(row["pending_logins.rescue_secret_encrypted"]),
    }),
  },
  {
    name: "one_time_tokens",
    table: t.oneTimeTokens,
    pk: [t.oneTimeTokens.tokenHash],
    live: and(isNull(t.oneTimeTokens.usedAt), gt(t.oneTimeTokens.expiresAt, sql`now()`)),
    ciphertexts: { "one_time_tokens.payload.secret": tokenSecret },
    read: { payload: t.oneTimeTokens.payload },
    reencrypt: (row) => {
      const payload = row.payload as Record<string, string>;
      return { payload: { ...payload, secret: underNewestKey(String(payload.secret)) } };
    },
  },
  {
    // Messages waiting for delivery carry links and codes (lib/outbox); sent ones are cleared.
    name: "outbox",
    table: t.outbox,
    pk: [t.outbox.id],
    live: sql`${t.outbox.status} in ('pending', 'sending')`,
    ciphertexts: { "outbox.payload_encrypted": t.outbox.payloadEncrypted },
    reencrypt: (row) => ({ payloadEncrypted: optional(row["outbox.payload_encrypted"]) }),
  },
];

/** The key id of a stored value (`<keyId>.…`); the whole value when it has no dot (legacy look-up hashes). */
export function keyIdOf(expression: PgColumn | SQL): SQL<string> {
  return sql<string>`split_part(${expression}, '.', 1)`;
}

/** Rows with any value not under the newest key: what rotation has left to do. */
export function needsRotation(def: SecretTable): SQL {
  const id = currentKeyId();
  const values = [...Object.values(def.ciphertexts), ...Object.values(def.lookups ?? {})];
  return or(...values.map((v) => sql`(${v} is not null and ${keyIdOf(v)} <> ${id})`))!;
}
