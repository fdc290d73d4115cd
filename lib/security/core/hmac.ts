import "server-only";
import { createHmac, hkdfSync } from "node:crypto";
import { getConfig } from "../config";

const cache = new Map<string, { secret: string; key: Buffer }>();

/** A 32-byte key for one purpose, derived from AUTH_SECRET (HKDF-SHA256): one secret, independent keys. */
export function derivedKey(purpose: string): Buffer {
  const secret = getConfig().authSecret;
  const hit = cache.get(purpose);
  if (hit?.secret === secret) return hit.key;
  const key = Buffer.from(hkdfSync("sha256", secret, "gatehouse", purpose, 32));
  cache.set(purpose, { secret, key });
  return key;
}

/**
 * Flask-Security's get_hmac: a base64 HMAC-SHA512 of a value. Flask-Security signs with
 * SECURITY_PASSWORD_SALT and feeds the result to its password hash; Gatehouse's argon2id hashes
 * need no such step, so here it is a keyed digest for applications (a key derived from
 * AUTH_SECRET): equal inputs give equal outputs, and nobody without the secret can compute one.
 * @public part of the programmable API (docs/core-api.md).
 */
export function getHmac(value: string | Buffer): string {
  return createHmac("sha512", derivedKey("get-hmac")).update(value).digest("base64");
}
