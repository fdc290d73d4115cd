import "server-only";
import { createHmac } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { getDb, tables } from "@/lib/db";
import { derivedKey } from "../core/hmac";
import type { UserRecord } from "../accounts/users";
import type { PasskeyRecord } from "./credentials";

/** A nil UUID: the passkey query runs for an unknown identity too, so both cost the same round trips. */
const NOBODY = "00000000-0000-0000-0000-000000000000";

type HintedCredential = Pick<PasskeyRecord, "credentialId" | "transports">;

/**
 * SECURITY_WAN_ALLOW_USER_HINTS (decision 050): the allowCredentials for a typed identity. An
 * active account's "sign in" passkeys; for anyone else (unknown, disabled, no passkey) one or two
 * made-up IDs derived from the identity with a server key, so the answer has the same shape and
 * stays the same on every ask (a list that changed each time would give the unknown away).
 * Transports are left out of both, since made-up IDs cannot have true ones.
 */
export async function hintedCredentials(user: UserRecord | null, identity: string): Promise<HintedCredential[]> {
  const db = await getDb();
  const table = tables.webauthnCredentials;
  const rows = await db
    .select({ credentialId: table.credentialId })
    .from(table)
    .where(and(eq(table.userId, user?.active ? user.id : NOBODY), eq(table.usage, "first")));
  if (rows.length) return rows.map((r) => ({ credentialId: r.credentialId, transports: [] }));
  return madeUpCredentials(identity);
}

function madeUpCredentials(identity: string): HintedCredential[] {
  const key = derivedKey("passkey-user-hints");
  const seed = identity.normalize("NFKC").trim().toLowerCase();
  const digest = (label: string) => createHmac("sha256", key).update(`${label}|${seed}`).digest();
  const count = 1 + ((digest("count")[0] ?? 0) % 2);
  return Array.from({ length: count }, (_, i) => ({ credentialId: digest(`id-${i}`).toString("base64url"), transports: [] }));
}
