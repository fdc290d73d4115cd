// Threat: AUTH_SECRET is rotated without SECURITY_ENCRYPTION_KEYS and every two-factor secret
// silently stops decrypting (a 500 on each sign-in). Guarantee: the derived key's id carries its
// fingerprint, so the change is an "unknown key" with a logged way out, and old rows still open.
import { createCipheriv, hkdfSync, randomBytes } from "node:crypto";
import { afterEach, describe, expect, it, vi } from "vitest";
import { resetConfig } from "@/lib/security/config";
import {
  decryptSecret,
  deriveEncryptionKey,
  encryptSecret,
  keyEntry,
  keyIds,
  lookupHmac,
  lookupHmacs,
  SecretUnavailableError,
  tryDecryptSecret,
} from "@/lib/security/core/encryption";

const OLD_SECRET = "old-auth-secret-old-auth-secret-old-auth-secret";
const NEW_SECRET = "new-auth-secret-new-auth-secret-new-auth-secret";

function useEnv(vars: Record<string, string | undefined>): void {
  for (const [k, v] of Object.entries(vars)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
  resetConfig();
}

afterEach(() => {
  useEnv({ AUTH_SECRET: undefined, SECURITY_ENCRYPTION_KEYS: undefined });
  vi.restoreAllMocks();
});

/** A ciphertext as Gatehouse wrote it before key ids had fingerprints: id "d1", same derived key. */
function legacyCiphertext(authSecret: string, plaintext: string): string {
  const key = Buffer.from(hkdfSync("sha256", authSecret, "gatehouse", "secrets-at-rest", 32));
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key, iv);
  cipher.setAAD(Buffer.from("d1"));
  const body = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["d1", iv.toString("base64url"), cipher.getAuthTag().toString("base64url"), body.toString("base64url")].join(".");
}

describe("the key derived from AUTH_SECRET", () => {
  it("has an id that fingerprints the key: stable for a secret, different for another", () => {
    const a = deriveEncryptionKey(OLD_SECRET);
    expect(a.id).toMatch(/^d[0-9a-f]{8}$/);
    expect(deriveEncryptionKey(OLD_SECRET).id).toBe(a.id);
    expect(deriveEncryptionKey(NEW_SECRET).id).not.toBe(a.id);
    useEnv({ AUTH_SECRET: OLD_SECRET });
    expect(keyIds()).toEqual([a.id]);
    expect(encryptSecret("x").startsWith(`${a.id}.`)).toBe(true);
  });

  it("after AUTH_SECRET changes, old secrets are an unknown key: a typed error, null from tryDecryptSecret, one log line with the way out", () => {
    useEnv({ AUTH_SECRET: OLD_SECRET });
    const old = encryptSecret("JBSWY3DPEHPK3PXP");
    useEnv({ AUTH_SECRET: NEW_SECRET });
    expect(() => decryptSecret(old)).toThrow(SecretUnavailableError);
    try {
      decryptSecret(old);
    } catch (error) {
      expect(error).toMatchObject({ keyId: deriveEncryptionKey(OLD_SECRET).id, reason: "unknown-key" });
    }
    const log = vi.spyOn(console, "error").mockImplementation(() => {});
    expect(tryDecryptSecret(old)).toBeNull();
    expect(tryDecryptSecret(old)).toBeNull();
    expect(log).toHaveBeenCalledTimes(1);
    const message = String(log.mock.calls[0]?.[0]);
    expect(message).toContain(deriveEncryptionKey(OLD_SECRET).id);
    expect(message).toContain("AUTH_SECRET has changed");
    expect(message).toContain("npm run keys:derive");
    expect(message).toContain("npm run keys:rotate");
    expect(message).not.toContain("JBSWY3DPEHPK3PXP");
  });

  it("listing the old key's entry behind the new one (keys:derive's output) opens old secrets again", () => {
    useEnv({ AUTH_SECRET: OLD_SECRET });
    const old = encryptSecret("still readable");
    const newKey = { id: "k2", key: randomBytes(32) };
    useEnv({ AUTH_SECRET: NEW_SECRET, SECURITY_ENCRYPTION_KEYS: `${keyEntry(newKey)},${keyEntry(deriveEncryptionKey(OLD_SECRET))}` });
    expect(decryptSecret(old)).toBe("still readable");
    expect(encryptSecret("new").startsWith("k2.")).toBe(true);
  });

  it("legacy d1 rows decrypt with the derived key, and with the old key listed after AUTH_SECRET changes", () => {
    const legacy = legacyCiphertext(OLD_SECRET, "from before fingerprints");
    useEnv({ AUTH_SECRET: OLD_SECRET });
    expect(decryptSecret(legacy)).toBe("from before fingerprints");
    useEnv({ AUTH_SECRET: NEW_SECRET });
    expect(() => decryptSecret(legacy)).toThrow(SecretUnavailableError);
    useEnv({ AUTH_SECRET: NEW_SECRET, SECURITY_ENCRYPTION_KEYS: `${keyEntry(deriveEncryptionKey(NEW_SECRET))},${keyEntry(deriveEncryptionKey(OLD_SECRET))}` });
    expect(decryptSecret(legacy)).toBe("from before fingerprints");
  });

  it("a key id whose key was replaced is a wrong key, not a crash", () => {
    useEnv({ SECURITY_ENCRYPTION_KEYS: `a:${randomBytes(32).toString("base64")}` });
    const c = encryptSecret("bound to the key");
    useEnv({ SECURITY_ENCRYPTION_KEYS: `a:${randomBytes(32).toString("base64")}` });
    expect(() => decryptSecret(c)).toThrow(expect.objectContaining({ reason: "wrong-key" }) as Error);
    vi.spyOn(console, "error").mockImplementation(() => {});
    expect(tryDecryptSecret(c)).toBeNull();
    expect(tryDecryptSecret("not a ciphertext")).toBeNull();
  });
});

describe("look-up hashes (recovery codes)", () => {
  it("carry the newest key's id and stay findable after a rotation while the old key is listed", () => {
    const a = { id: "a", key: randomBytes(32) };
    const b = { id: "b", key: randomBytes(32) };
    useEnv({ SECURITY_ENCRYPTION_KEYS: keyEntry(a) });
    const stored = lookupHmac("user:code");
    expect(stored.startsWith("a.")).toBe(true);
    useEnv({ SECURITY_ENCRYPTION_KEYS: `${keyEntry(b)},${keyEntry(a)}` });
    expect(lookupHmac("user:code").startsWith("b.")).toBe(true);
    expect(lookupHmacs("user:code")).toContain(stored);
    expect(lookupHmacs("user:other")).not.toContain(stored);
    useEnv({ SECURITY_ENCRYPTION_KEYS: keyEntry(b) });
    expect(lookupHmacs("user:code")).not.toContain(stored);
  });
});
