import "server-only";
import { createCipheriv, createDecipheriv, createHash, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { getConfig } from "../config";

/**
 * AES-256-GCM for secrets at rest (TOTP secrets, recovery codes, set-up and rescue secrets).
 * Keys come from SECURITY_ENCRYPTION_KEYS ("id:base64key,id:base64key", newest first); each
 * ciphertext names its key id, so old keys keep decrypting after a new one is put first
 * (rotation: `npm run keys:rotate`, docs/decisions/012-secrets-at-rest-rotation.md). Without the
 * variable the key is derived from AUTH_SECRET with HKDF, and its id carries a fingerprint of the
 * key ("d" + 8 hex digits), so a changed AUTH_SECRET shows up as an unknown key id.
 * Format: `<keyId>.<iv>.<tag>.<ciphertext>` (base64url parts).
 */
export interface EncryptionKey {
  id: string;
  key: Buffer;
}

interface Keyring {
  current: EncryptionKey;
  /** Newest first, as configured. */
  keys: EncryptionKey[];
  byId: Map<string, Buffer>;
  /** Per key id: the HMAC key for look-up hashes (derived, never the encryption key itself). */
  lookupKeys: Map<string, Buffer>;
}

/** The id every derived key had before ids carried a fingerprint: such rows are tried against every key in the ring. */
export const LEGACY_DERIVED_KEY_ID = "d1";
const GCM_TAG_BYTES = 16;

let cached: { source: string; ring: Keyring } | undefined;

/** The key Gatehouse derives from an AUTH_SECRET when SECURITY_ENCRYPTION_KEYS is unset. */
export function deriveEncryptionKey(authSecret: string): EncryptionKey {
  const key = Buffer.from(hkdfSync("sha256", authSecret, "gatehouse", "secrets-at-rest", 32));
  return { id: `d${createHash("sha256").update(key).digest("hex").slice(0, 8)}`, key };
}

/** The `id:base64` entry of a key, as SECURITY_ENCRYPTION_KEYS lists it. */
export function keyEntry(key: EncryptionKey): string {
  return `${key.id}:${key.key.toString("base64")}`;
}

function keyring(): Keyring {
  const config = getConfig();
  const source = config.encryptionKeys ?? `derived:${config.authSecret}`;
  if (cached?.source === source) return cached.ring;
  const keys: EncryptionKey[] = config.encryptionKeys
    ? config.encryptionKeys.split(",").map((pair) => {
        const [id, b64] = pair.trim().split(":") as [string, string];
        return { id, key: Buffer.from(b64, "base64") };
      })
    : [deriveEncryptionKey(config.authSecret)];
  for (const { id, key } of keys) if (key.length !== 32) throw new Error(`encryption key ${id} must be 32 bytes`);
  const [current] = keys;
  if (!current) throw new Error("no encryption key");
  const ring: Keyring = {
    current,
    keys,
    byId: new Map(keys.map((k) => [k.id, k.key])),
    lookupKeys: new Map(keys.map((k) => [k.id, Buffer.from(hkdfSync("sha256", k.key, "gatehouse", "lookup-hmac", 32))])),
  };
  cached = { source, ring };
  return ring;
}

/** Ids of the keys in the ring, newest first. */
export function keyIds(): string[] {
  return keyring().keys.map((k) => k.id);
}

export function currentKeyId(): string {
  return keyring().current.id;
}

export function encryptSecret(plaintext: string): string {
  const { current } = keyring();
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", current.key, iv);
  cipher.setAAD(Buffer.from(current.id));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [current.id, iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

export type SecretUnavailableReason = "unknown-key" | "wrong-key" | "malformed";

/**
 * A secret at rest that cannot be decrypted with the configured keys: a configuration problem
 * (a changed AUTH_SECRET, a key removed too early), not a bug. Callers use tryDecryptSecret and
 * answer SECRET_UNAVAILABLE instead of failing the request.
 */
export class SecretUnavailableError extends Error {
  override name = "SecretUnavailableError";
  constructor(
    readonly keyId: string,
    readonly reason: SecretUnavailableReason,
  ) {
    super(`undecryptable secret (key id "${keyId}": ${reason})`);
  }
}

/** Decrypts; throws SecretUnavailableError if the key is unknown or the ciphertext was tampered with. */
export function decryptSecret(ciphertext: string): string {
  const parts = ciphertext.split(".");
  const [id = "", iv, tag, body] = parts;
  if (parts.length !== 4 || !id || !iv || !tag) throw new SecretUnavailableError(id, "malformed");
  const ring = keyring();
  const known = ring.byId.get(id);
  const candidates = known ? [known] : id === LEGACY_DERIVED_KEY_ID ? ring.keys.map((k) => k.key) : [];
  if (!candidates.length) throw new SecretUnavailableError(id, "unknown-key");
  for (const key of candidates) {
    try {
      const decipher = createDecipheriv("aes-256-gcm", key, Buffer.from(iv, "base64url"), { authTagLength: GCM_TAG_BYTES });
      decipher.setAAD(Buffer.from(id));
      decipher.setAuthTag(Buffer.from(tag, "base64url"));
      return Buffer.concat([decipher.update(Buffer.from(body ?? "", "base64url")), decipher.final()]).toString("utf8");
    } catch {
      // Wrong key (or an altered value): try the next candidate.
    }
  }
  // A legacy id that no key opens is as good as unknown: no key was ever configured under it.
  throw new SecretUnavailableError(id, known ? "wrong-key" : "unknown-key");
}

// One log line per key id and reason per process: the message is for the operator, and a
// burst of sign-ins must not bury the logs in copies of it.
const reported = new Set<string>();

/**
 * Decrypts, or returns null (and logs the configuration error once) when the configured keys
 * cannot: callers turn null into SECRET_UNAVAILABLE rather than a 500.
 */
export function tryDecryptSecret(ciphertext: string): string | null {
  try {
    return decryptSecret(ciphertext);
  } catch (error) {
    if (!(error instanceof SecretUnavailableError)) throw error;
    const key = `${error.keyId}:${error.reason}`;
    if (!reported.has(key)) {
      reported.add(key);
      console.error(`[gatehouse] ${secretUnavailableMessage(error.keyId, error.reason)}`);
    }
    return null;
  }
}

/** Whether an id has the shape of a key derived from AUTH_SECRET. */
function looksDerived(id: string): boolean {
  return id === LEGACY_DERIVED_KEY_ID || /^d[0-9a-f]{8}$/.test(id);
}

/** The operator's message for an undecryptable secret: what is wrong and the way out. */
export function secretUnavailableMessage(keyId: string, reason: SecretUnavailableReason, count?: number): string {
  const ring = keyIds();
  const what = count === undefined ? "A secret at rest" : `${count} secret(s) at rest`;
  const derivedNote =
    !getConfig().encryptionKeys && looksDerived(keyId)
      ? " Its id says it was derived from an AUTH_SECRET, and SECURITY_ENCRYPTION_KEYS is unset: AUTH_SECRET has changed since it was written."
      : "";
  const cause =
    reason === "unknown-key"
      ? `${what} (two-factor or sign-in code secret, recovery code) is encrypted under key "${keyId}", which is not in the key ring (${ring.join(", ")}).${derivedNote}`
      : reason === "wrong-key"
        ? `${what} under key "${keyId}" does not decrypt with the key configured under that id: the key was replaced, or the value was altered.`
        : `${what} is not in the ciphertext format (key.iv.tag.body).`;
  return (
    `Configuration error: ${cause} Sign-ins that need it fail with SECRET_UNAVAILABLE until this is fixed. ` +
    `Way out: list the old key behind the current one, SECURITY_ENCRYPTION_KEYS=<current id:key>,<old id:key> ` +
    `(\`npm run keys:derive -- '<old AUTH_SECRET>'\` prints the entry of a key derived from an old AUTH_SECRET, ` +
    `\`npm run keys:derive\` the current one), restart, then run \`npm run keys:rotate\` and drop the old key. ` +
    `See "Rotating secrets" in the README.`
  );
}

/** Whether a ciphertext was made with an older key (re-encrypt it on next use). */
export function isEncryptedWithOldKey(ciphertext: string): boolean {
  return ciphertext.split(".")[0] !== keyring().current.id;
}

function hmacWith(key: Buffer, value: string): string {
  return createHmac("sha256", key).update(value).digest("base64url");
}

/**
 * A keyed hash for looking secrets up without decrypting every row (recovery codes), so the
 * table alone cannot be brute-forced offline. Keyed from the newest encryption key and prefixed
 * with its id (`<keyId>.<hmac>`), so it survives a rotation like the ciphertexts do.
 */
export function lookupHmac(value: string): string {
  const ring = keyring();
  return `${ring.current.id}.${hmacWith(ring.lookupKeys.get(ring.current.id)!, value)}`;
}

/**
 * Every hash a stored look-up of `value` may have: one per key in the ring, and the unprefixed
 * one keyed by AUTH_SECRET that rows written before key-prefixed hashes carry.
 */
export function lookupHmacs(value: string): string[] {
  const ring = keyring();
  const legacy = hmacWith(Buffer.from(hkdfSync("sha256", getConfig().authSecret, "gatehouse", "lookup-hmac", 32)), value);
  return [...ring.keys.map((k) => `${k.id}.${hmacWith(ring.lookupKeys.get(k.id)!, value)}`), legacy];
}
