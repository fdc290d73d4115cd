// Threat: rotating AUTH_SECRET (or an encryption key) strands every TOTP secret and recovery code:
// each two-factor sign-in becomes a 500. Guarantee: an unreadable secret is SECRET_UNAVAILABLE, the
// old key behind the new one opens it again, and keys:rotate moves everything to the newest key.
import { createHmac, hkdfSync } from "node:crypto";
import { eq } from "drizzle-orm";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { getDb, tables } from "@/lib/db";
import { getConfig } from "@/lib/security/config";
import { hashToken } from "@/lib/security/core/crypto";
import { decryptSecret, deriveEncryptionKey, encryptSecret, keyEntry } from "@/lib/security/core/encryption";
import { findKeyProblems, rotateSecrets, rowsNotUnderNewestKey } from "@/lib/security/core/key-rotation";
import { generateRecoveryCodes } from "@/lib/security/recovery-codes/store";
import { rescueByEmail, signInWithRecoveryCode, verifySecondFactor } from "@/lib/security/sign-in/second-factor-steps";
import { confirmCodeSetup, startCodeSetup } from "@/lib/security/codes/setup";
import { runGatehouseHere, spawnGatehouse } from "../support/cli";
import { newCtx, registerConfirmed, uniqueEmail, userByEmail, withEnv } from "../support/flows";
import { codeAt, latestEmailedCode, nextCode, passwordStep, saveMethod, twoFactorRow } from "../support/two-factor";
import { addMethod, methodSecret } from "../support/unified";

const OLD = "old-auth-secret-for-rotation-tests-0123456789";
const NEW = "new-auth-secret-for-rotation-tests-9876543210";
const oldKey = deriveEncryptionKey(OLD);
const newKey = deriveEncryptionKey(NEW);
// Rows other test files left in a shared PostgreSQL are under the tests' default secret: listed
// last so a rotation can read them too (they are not this file's concern).
const baseEntry = keyEntry(deriveEncryptionKey(getConfig().authSecret));
/** The way out after changing AUTH_SECRET: the new secret's key first, the old one behind it. */
const WAY_OUT = { AUTH_SECRET: NEW, SECURITY_ENCRYPTION_KEYS: `${keyEntry(newKey)},${keyEntry(oldKey)},${baseEntry}` };
/** After the rotation: the old key removed (back to the key derived from the new AUTH_SECRET). */
const ROTATED = { AUTH_SECRET: NEW, SECURITY_ENCRYPTION_KEYS: undefined };

beforeEach(() => {
  // The configuration error is logged on purpose; keep the test output readable.
  vi.spyOn(console, "error").mockImplementation(() => {});
});
afterEach(() => vi.restoreAllMocks());

/** A confirmed user with an authenticator method and recovery codes, all written under AUTH_SECRET=OLD. */
async function userUnderOldSecret(tag: string): Promise<{ email: string; userId: string; secret: string; codes: string[] }> {
  return withEnv({ AUTH_SECRET: OLD, SECURITY_ENCRYPTION_KEYS: undefined }, async () => {
    const email = uniqueEmail(tag);
    const user = await registerConfirmed(email);
    const secret = await saveMethod(user.id, "authenticator");
    const codes = await generateRecoveryCodes(user.id, newCtx());
    return { email, userId: user.id, secret, codes };
  });
}

async function pendingRow(token: string): Promise<typeof tables.pendingLogins.$inferSelect | undefined> {
  const db = await getDb();
  const [row] = await db
    .select()
    .from(tables.pendingLogins)
    .where(eq(tables.pendingLogins.tokenHash, hashToken(token)));
  return row;
}

describe("after AUTH_SECRET changed (no SECURITY_ENCRYPTION_KEYS)", () => {
  it("a two-factor code check answers SECRET_UNAVAILABLE — not a throw, not a counted failure", async () => {
    const u = await userUnderOldSecret("rotated-tf");
    await withEnv({ AUTH_SECRET: NEW }, async () => {
      const { pendingToken } = await passwordStep(u.email);
      expect(await verifySecondFactor(pendingToken, await nextCode(u.secret), newCtx())).toEqual({ ok: false, code: "SECRET_UNAVAILABLE" });
      expect((await pendingRow(pendingToken))?.failedAttempts).toBe(0);
      expect(console.error).toHaveBeenCalledWith(expect.stringContaining(oldKey.id));
    });
  });

  it("a recovery-code check answers SECRET_UNAVAILABLE too", async () => {
    const u = await userUnderOldSecret("rotated-rc");
    await withEnv({ AUTH_SECRET: NEW }, async () => {
      const { pendingToken } = await passwordStep(u.email);
      expect(await signInWithRecoveryCode(pendingToken, u.codes[0]!, newCtx())).toEqual({ ok: false, code: "SECRET_UNAVAILABLE" });
    });
  });

  it("with the old key listed behind the new one, both work again before any rotation", async () => {
    const u = await userUnderOldSecret("way-out");
    await withEnv(WAY_OUT, async () => {
      const first = await passwordStep(u.email);
      expect(await verifySecondFactor(first.pendingToken, await nextCode(u.secret), newCtx())).toMatchObject({ ok: true });
      const second = await passwordStep(u.email);
      expect(await signInWithRecoveryCode(second.pendingToken, u.codes[0]!, newCtx())).toMatchObject({ ok: true });
    });
  });

  it("recovery codes stored with the old AUTH_SECRET-keyed look-up hash are still found (by decrypting)", async () => {
    const u = await userUnderOldSecret("legacy-hmac");
    // Rewrite the rows as Gatehouse stored them before look-up hashes carried a key id.
    const legacyKey = Buffer.from(hkdfSync("sha256", OLD, "gatehouse", "lookup-hmac", 32));
    const db = await getDb();
    const rows = await db.select().from(tables.recoveryCodes).where(eq(tables.recoveryCodes.userId, u.userId));
    for (const row of rows) {
      const code = await withEnv({ AUTH_SECRET: OLD }, async () => decryptSecret(row.codeEncrypted));
      const legacy = createHmac("sha256", legacyKey).update(`${u.userId}:${code}`).digest("base64url");
      await db.update(tables.recoveryCodes).set({ codeHmac: legacy }).where(eq(tables.recoveryCodes.codeHmac, row.codeHmac));
    }
    await withEnv(WAY_OUT, async () => {
      const { pendingToken } = await passwordStep(u.email);
      expect(await signInWithRecoveryCode(pendingToken, u.codes[1]!, newCtx())).toMatchObject({ ok: true });
      // Still single-use.
      const again = await passwordStep(u.email);
      expect(await signInWithRecoveryCode(again.pendingToken, u.codes[1]!, newCtx())).toMatchObject({ ok: false, code: "INVALID_RECOVERY_CODE" });
    });
  });
});

describe("keys:rotate", () => {
  it("re-encrypts every kind of secret under the newest key: readable with the old key listed, then with it removed", async () => {
    const u = await userUnderOldSecret("rotate-all");
    const { pending, setupToken, methodSecretPlain } = await withEnv({ AUTH_SECRET: OLD }, async () => {
      const methodSecretPlain = await addMethod(u.userId, "email");
      const started = await startCodeSetup("two-factor", await userByEmail(u.email), { method: "authenticator" }, newCtx());
      if (!started.ok || !started.secret) throw new Error("setup did not start");
      // A pending sign-in holding both of its encrypted columns: a rescue secret and a set-up secret.
      const pending = await passwordStep(u.email);
      expect(await rescueByEmail(pending.pendingToken, newCtx())).toEqual({ ok: true });
      const db = await getDb();
      await db
        .update(tables.pendingLogins)
        .set({ setupSecretEncrypted: encryptSecret("setup secret") })
        .where(eq(tables.pendingLogins.tokenHash, hashToken(pending.pendingToken)));
      return { pending, setupToken: { token: started.setupToken, secret: started.secret }, methodSecretPlain };
    });

    await withEnv({ AUTH_SECRET: NEW, SECURITY_ENCRYPTION_KEYS: undefined }, async () => {
      // The start-up check names the key the rows need.
      const problems = await findKeyProblems();
      expect(problems).toContainEqual(expect.objectContaining({ column: "two_factor.secret_encrypted", keyId: oldKey.id, reason: "unknown-key" }));
      expect(problems).toContainEqual(expect.objectContaining({ column: "recovery_codes.code_hmac", keyId: oldKey.id }));
    });

    await withEnv(WAY_OUT, async () => {
      const left = await rowsNotUnderNewestKey();
      expect(left).toBeGreaterThanOrEqual(6);
      const dry = await rotateSecrets({ dryRun: true, batchSize: 2 });
      expect(dry.reduce((n, r) => n + r.rotated, 0)).toBe(left);
      expect(await rowsNotUnderNewestKey()).toBe(left);

      const done = await rotateSecrets({ batchSize: 2 });
      expect(done.flatMap((r) => Object.keys(r.unavailable))).toEqual([]);
      expect(done.reduce((n, r) => n + r.rotated, 0)).toBe(left);
      for (const table of ["two_factor", "sign_in_methods", "recovery_codes", "pending_logins", "one_time_tokens"]) {
        expect(done.find((r) => r.table === table)?.rotated, table).toBeGreaterThan(0);
      }
      expect(await rowsNotUnderNewestKey()).toBe(0);
      // Idempotent: nothing left to do.
      expect((await rotateSecrets()).reduce((n, r) => n + r.rotated, 0)).toBe(0);
    });

    await withEnv(ROTATED, async () => {
      expect(await findKeyProblems()).toEqual([]);
      expect((await twoFactorRow(u.userId))?.secretEncrypted.startsWith(`${newKey.id}.`)).toBe(true);
      expect(await methodSecret(u.userId, "email")).toBe(methodSecretPlain);
      expect(decryptSecret((await pendingRow(pending.pendingToken))!.setupSecretEncrypted!)).toBe("setup secret");
      expect(await verifySecondFactor(pending.pendingToken, await latestEmailedCode(u.email), newCtx())).toMatchObject({ ok: true });

      const byApp = await passwordStep(u.email);
      expect(await verifySecondFactor(byApp.pendingToken, await nextCode(u.secret), newCtx())).toMatchObject({ ok: true });
      const byCode = await passwordStep(u.email);
      expect(await signInWithRecoveryCode(byCode.pendingToken, u.codes[2]!, newCtx())).toMatchObject({ ok: true });
      const confirmed = await confirmCodeSetup(
        "two-factor",
        await userByEmail(u.email),
        { setupToken: setupToken.token, code: await codeAt(setupToken.secret, 60) },
        newCtx(),
      );
      expect(confirmed).toMatchObject({ ok: true });
    });
  });

  it("as the npm script: --dry-run counts, a run rotates, and the app reads the result without the old key", { timeout: 180_000 }, async () => {
    const u = await userUnderOldSecret("rotate-script");
    const env = { AUTH_SECRET: NEW, SECURITY_ENCRYPTION_KEYS: WAY_OUT.SECURITY_ENCRYPTION_KEYS };
    // The dry run and the second run as the same program in this process; the rotation itself
    // through the npm script, as an operator runs it.
    const dry = await runGatehouseHere(["keys", "rotate", "--dry-run"], { env });
    expect(dry.stdout).toMatch(/[1-9]\d* row\(s\) would be re-encrypted under /);
    const real = await spawnGatehouse(["--batch-size", "3"], { env, npmScript: "keys:rotate" });
    expect(real, real.stderr).toMatchObject({ code: 0 });
    expect(real.stdout).toContain("Every secret is under the newest key");
    const again = await runGatehouseHere(["keys", "rotate"], { env });
    expect(again.stdout).toContain("0 row(s) re-encrypted");

    await withEnv(ROTATED, async () => {
      expect((await twoFactorRow(u.userId))?.secretEncrypted.startsWith(`${newKey.id}.`)).toBe(true);
      const { pendingToken } = await passwordStep(u.email);
      expect(await verifySecondFactor(pendingToken, await nextCode(u.secret), newCtx())).toMatchObject({ ok: true });
    });
  });

  it("--json: rows under a key that is not configured are named and the run exits 1; with that key listed it exits 0", { timeout: 180_000 }, async () => {
    const u = await userUnderOldSecret("rotate-unknown-key");
    // The old key left out of the ring: its rows cannot be read, so they cannot be rotated.
    const withoutOld = { AUTH_SECRET: NEW, SECURITY_ENCRYPTION_KEYS: `${keyEntry(newKey)},${baseEntry}` };
    const refused = await spawnGatehouse(["keys", "rotate", "--json"], { env: withoutOld });
    expect(refused, refused.stderr).toMatchObject({ code: 1, json: { ok: false, dryRun: false, key: newKey.id } });
    expect((refused.json?.unavailable as Record<string, number>)[oldKey.id]).toBeGreaterThanOrEqual(2);
    expect(refused.json?.message).toContain(oldKey.id);
    expect((await twoFactorRow(u.userId))?.secretEncrypted.startsWith(`${oldKey.id}.`)).toBe(true);

    const rotated = await runGatehouseHere(["keys", "rotate", "--json"], { env: WAY_OUT });
    expect(rotated).toMatchObject({ code: 0, json: { ok: true, dryRun: false, key: newKey.id, unavailable: {} } });
    expect(rotated.json?.rotated).toBeGreaterThanOrEqual(2);
    expect((rotated.json?.tables as { table: string; rotated: number }[]).find((t) => t.table === "two_factor")?.rotated).toBeGreaterThanOrEqual(1);
    expect((await twoFactorRow(u.userId))?.secretEncrypted.startsWith(`${newKey.id}.`)).toBe(true);
  });
});
