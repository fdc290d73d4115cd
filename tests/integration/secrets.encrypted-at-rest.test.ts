// Threat: a leaked database dump (backup, replica, SQL injection) hands over TOTP secrets and
// recovery codes, or an edited ciphertext is accepted. Guarantee: AES-GCM at rest, rotatable keys.
import { randomBytes } from "node:crypto";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { decryptSecret, encryptSecret, isEncryptedWithOldKey } from "@/lib/security/core/encryption";
import { generateRecoveryCodes } from "@/lib/security/recovery-codes/store";
import { confirmCodeSetup, startCodeSetup } from "@/lib/security/codes/setup";
import { newCtx, registerConfirmed, uniqueEmail, withEnv } from "../support/flows";
import { codeAt, twoFactorRow } from "../support/two-factor";

const keyA = randomBytes(32).toString("base64");
const keyB = randomBytes(32).toString("base64");

/** Changes one character of one dot-separated part of a ciphertext (always a different byte). */
function flip(ciphertext: string, part: number): string {
  const parts = ciphertext.split(".");
  const target = parts[part]!;
  parts[part] = (target[0] === "A" ? "B" : "A") + target.slice(1);
  return parts.join(".");
}

describe("encryptSecret / decryptSecret", () => {
  it("round-trips, with a fresh IV each time", () => {
    const secret = "JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP";
    const a = encryptSecret(secret);
    const b = encryptSecret(secret);
    expect(a).not.toBe(b);
    expect(a).not.toContain(secret);
    expect(decryptSecret(a)).toBe(secret);
    expect(decryptSecret(b)).toBe(secret);
    expect(decryptSecret(encryptSecret(""))).toBe("");
    expect(decryptSecret(encryptSecret("ünïcødé ✓"))).toBe("ünïcødé ✓");
  });

  it("throws on any tampering: IV, tag, body, key id, truncation", async () => {
    await withEnv({ SECURITY_ENCRYPTION_KEYS: `a:${keyA},b:${keyB}` }, async () => {
      const good = encryptSecret("a long enough secret to have a body");
      expect(good.split(".")[0]).toBe("a");
      expect(() => decryptSecret(flip(good, 1))).toThrow();
      expect(() => decryptSecret(flip(good, 2))).toThrow();
      expect(() => decryptSecret(flip(good, 3))).toThrow();
      // Relabelled to another known key: the key id is authenticated data.
      expect(() => decryptSecret(`b.${good.split(".").slice(1).join(".")}`)).toThrow();
      expect(() => decryptSecret(good.slice(0, -4))).toThrow();
      expect(() => decryptSecret(good.split(".").slice(0, 3).join("."))).toThrow();
      expect(() => decryptSecret("")).toThrow();
      expect(() => decryptSecret("garbage")).toThrow();
      expect(decryptSecret(good)).toBe("a long enough secret to have a body");
    });
  });

  it("rotation: after B is put first, A's ciphertexts still decrypt and are flagged old; new ones use B", async () => {
    const oldCiphertext = await withEnv({ SECURITY_ENCRYPTION_KEYS: `a:${keyA}` }, async () => {
      const c = encryptSecret("rotate me");
      expect(isEncryptedWithOldKey(c)).toBe(false);
      return c;
    });
    expect(oldCiphertext.startsWith("a.")).toBe(true);

    await withEnv({ SECURITY_ENCRYPTION_KEYS: `b:${keyB},a:${keyA}` }, async () => {
      expect(decryptSecret(oldCiphertext)).toBe("rotate me");
      expect(isEncryptedWithOldKey(oldCiphertext)).toBe(true);
      const fresh = encryptSecret("rotate me");
      expect(fresh.startsWith("b.")).toBe(true);
      expect(isEncryptedWithOldKey(fresh)).toBe(false);
      expect(decryptSecret(fresh)).toBe("rotate me");
    });

    await withEnv({ SECURITY_ENCRYPTION_KEYS: `b:${keyB}` }, async () => {
      expect(() => decryptSecret(oldCiphertext)).toThrow();
    });
  });

  it("a different key under the same id does not decrypt (the key, not the label, protects)", async () => {
    const c = await withEnv({ SECURITY_ENCRYPTION_KEYS: `a:${keyA}` }, async () => encryptSecret("bound to the key"));
    await withEnv({ SECURITY_ENCRYPTION_KEYS: `a:${keyB}` }, async () => {
      expect(() => decryptSecret(c)).toThrow();
    });
  });
});

describe("secrets in the database", () => {
  it("the two_factor row holds no plaintext TOTP secret", async () => {
    const user = await registerConfirmed(uniqueEmail("at-rest"));
    const started = await startCodeSetup("two-factor", user, { method: "authenticator" }, newCtx());
    if (!started.ok || !started.secret) throw new Error("setup did not start");
    expect(await confirmCodeSetup("two-factor", user, { setupToken: started.setupToken, code: await codeAt(started.secret) }, newCtx())).toMatchObject({
      ok: true,
    });

    const row = await twoFactorRow(user.id);
    expect(row?.secretEncrypted).toBeTruthy();
    expect(row!.secretEncrypted).not.toContain(started.secret);
    expect(row!.secretEncrypted.toUpperCase()).not.toContain(started.secret.toUpperCase());
    expect(decryptSecret(row!.secretEncrypted)).toBe(started.secret);

    // Nor does the setup token that carried it between the two steps.
    const db = await getDb();
    const tokens = await db.select().from(tables.oneTimeTokens).where(eq(tables.oneTimeTokens.userId, user.id));
    expect(tokens.length).toBeGreaterThan(0);
    expect(JSON.stringify(tokens)).not.toContain(started.secret);
  });

  it("recovery_codes rows hold no code, with or without dashes", async () => {
    const user = await registerConfirmed(uniqueEmail("at-rest-codes"));
    const codes = await generateRecoveryCodes(user.id, newCtx());
    const db = await getDb();
    const rows = await db.select().from(tables.recoveryCodes).where(eq(tables.recoveryCodes.userId, user.id));
    expect(rows).toHaveLength(codes.length);
    const dump = JSON.stringify(rows).toLowerCase();
    for (const code of codes) {
      expect(dump).not.toContain(code);
      expect(dump).not.toContain(code.replace(/-/g, ""));
    }
    const decrypted = rows.map((r) => decryptSecret(r.codeEncrypted)).sort();
    expect(decrypted).toEqual([...codes].sort());
  });
});
