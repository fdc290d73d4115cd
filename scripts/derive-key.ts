/**
 * Prints the SECURITY_ENCRYPTION_KEYS entry (`id:base64key`) of the key Gatehouse derives from an
 * AUTH_SECRET when SECURITY_ENCRYPTION_KEYS is unset:
 *   npm run keys:derive -- '<old AUTH_SECRET>'    # the key of a previous secret (after changing it)
 *   npm run keys:derive                           # the key of the current AUTH_SECRET
 * List it behind the newest key so secrets written under it keep decrypting (README, "Rotating secrets").
 */
import { deriveEncryptionKey, keyEntry } from "../lib/security/core/encryption";

const secret = process.argv[2] ?? process.env.AUTH_SECRET;
if (!secret) {
  console.error("usage: npm run keys:derive -- '<AUTH_SECRET>'   (or set AUTH_SECRET)");
  process.exitCode = 1;
} else {
  console.log(keyEntry(deriveEncryptionKey(secret)));
}
