import "server-only";
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { getConfig } from "./config";

/**
 * AES-256-GCM for secrets at rest (TOTP secrets, recovery codes). Keys come from
 * SECURITY_ENCRYPTION_KEYS ("id:base64key,id:base64key", newest first); each ciphertext names its
 * key id, so old keys keep decrypting after a new one is put first (rotation). Without the
 * variable, a development key is derived from AUTH_SECRET with HKDF.
 * Format: `<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
interface Keyring {
  current: { id: string; key: Buffer };
  byId: Map<string, Buffer>;
}

let cached: { source: string; ring: Keyring } | undefined;

function keyring(): Keyring {
  const config = getConfig();
  const source = config.encryptionKeys ?? `derived:${config.authSecret}`;
  if (cached?.source === source) return cached.ring;
  const entries: [string, Buffer][] = config.encryptionKeys
    ? config.encryptionKeys.split(",").map((pair) => {
        const [id, b64] = pair.trim().split(":") as [string, string];
        return [id, Buffer.from(b64, "base64")];
      })
    : [["d1", Buffer.from(hkdfSync("sha256", config.authSecret, "gatehouse", "secrets-at-rest", 32))]];
  for (const [id, key] of entries) if (key.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes`);
  const [first] = entries;
  if (!first) throw new Error("no encryption key");
  const ring = { current: { id: first[0], key: first[1] }, byId: new Map(entries) };
  cached = { source, ring };
  return ring;
}

export function encryptSecret(plaintext: string): string {
  const { current } = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  cipher.setAAD(Buffer.from(current.id));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [current.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

/** Decrypts; throws if the key is unknown or the ciphertext was tampered with. */
export function decryptSecret(ciphertext: string): string {
  const [id, iv, tag, body] = ciphertext.split(".");
  const key = id ? keyring().byId.get(id) : undefined;
  if (!key || !iv || !tag || body === undefined) throw new Error("undecryptable secret (unknown key id or bad format)");
  const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"));
  decipher.setAAD(Buffer.from(id!));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
}

/** Whether a ciphertext was made with an older key (re-encrypt it on next use). */
export function isEncryptedWithOldKey(ciphertext: string): boolean {
  return ciphertext.split(".")[0] !== keyring().current.id;
}

/**
 * A keyed hash for looking secrets up without decrypting every row (recovery codes). Keyed by a
 * derivation of AUTH_SECRET, so the table alone cannot be brute-forced offline.
 */
export function lookupHmac(value: string): string {
  const key = hkdfSync("sha256", getConfig().authSecret, "gatehouse", "lookup-hmac", 32);
  return createHmac("sha256", Buffer.from(key)).update(value).digest("base64url");
}
