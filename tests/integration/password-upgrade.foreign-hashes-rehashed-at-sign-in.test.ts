// Threat: users imported with another system's hashes cannot sign in, stay on a weak hash for ever, or a hostile
// imported row with an absurd cost hangs the server. Guarantee: every scheme verifies, is upgraded once, races stay safe.
import { pbkdf2Sync, randomBytes, scryptSync } from "node:crypto";
import { and, eq } from "drizzle-orm";
import { hash as argon2Hash } from "@node-rs/argon2";
import bcrypt from "bcryptjs";
import { describe, expect, it } from "vitest";
import { getDb, tables } from "@/lib/db";
import { createUser, findUserById } from "@/lib/security/accounts/users";
import { needsRehash, verifyPassword } from "@/lib/security/core/password-hash";
import { loginWithPassword } from "@/lib/security/sign-in/password";
import { reauthenticateWithPassword } from "@/lib/security/re-verify/reauthenticate";
import { newCtx, STRONG_PASSWORD, uniqueEmail } from "../support/flows";

const PASSWORD = STRONG_PASSWORD;
const salt = randomBytes(16);
const b64 = (b: Buffer): string => b.toString("base64").replace(/=+$/, "");
const ab64 = (b: Buffer): string => b64(b).replace(/\+/g, ".");
const textSalt = "Zb3xQ9fT1mLk";

/** Each format as the system that writes it lays it out (docs/importing-users.md). */
const HASHES: Record<string, () => Promise<string> | string> = {
  "bcrypt $2b$": () => bcrypt.hashSync(PASSWORD, 10),
  "bcrypt $2a$": () => bcrypt.hashSync(PASSWORD, 10).replace(/^\$2b\$/, "$2a$"),
  "bcrypt $2y$ (PHP)": () => bcrypt.hashSync(PASSWORD, 10).replace(/^\$2b\$/, "$2y$"),
  argon2i: () => argon2Hash(PASSWORD, { algorithm: 1 /* Algorithm.Argon2i (a const enum) */, memoryCost: 19_456, timeCost: 2 }),
  "argon2id below the current parameters": () => argon2Hash(PASSWORD, { memoryCost: 4096, timeCost: 1 }),
  "passlib scrypt": () => `$scrypt$ln=14,r=8,p=1$${b64(salt)}$${b64(scryptSync(PASSWORD, salt, 32, { N: 2 ** 14, r: 8, p: 1 }))}`,
  "passlib pbkdf2-sha256 (its documented example)": () => "$pbkdf2-sha256$6400$0ZrzXitFSGltTQnBWOsdAw$Y11AchqV4b0sUisdZd0Xr97KWoymNE0LNNrnEgY4H9M",
  "passlib pbkdf2-sha512": () => `$pbkdf2-sha512$25000$${ab64(salt)}$${ab64(pbkdf2Sync(PASSWORD, salt, 25_000, 64, "sha512"))}`,
  "Django pbkdf2_sha256": () => `pbkdf2_sha256$100000$${textSalt}$${pbkdf2Sync(PASSWORD, textSalt, 100_000, 32, "sha256").toString("base64")}`,
  "Django scrypt": () => `scrypt$16384$${textSalt}$8$1$${scryptSync(PASSWORD, textSalt, 64, { N: 16384, r: 8, p: 1 }).toString("base64")}`,
  "Werkzeug pbkdf2:sha256": () => `pbkdf2:sha256:100000$${textSalt}$${pbkdf2Sync(PASSWORD, textSalt, 100_000, 32, "sha256").toString("hex")}`,
  "Werkzeug scrypt": () => `scrypt:16384:8:1$${textSalt}$${scryptSync(PASSWORD, textSalt, 64, { N: 16384, r: 8, p: 1 }).toString("hex")}`,
};

async function importedUser(passwordHash: string): Promise<{ id: string; email: string }> {
  const email = uniqueEmail("imported");
  const user = await createUser({ email, passwordHash, confirmed: true });
  if (!user) throw new Error("not created");
  return { id: user.id, email };
}

async function storedHash(id: string): Promise<string | null> {
  return (await findUserById(id))?.passwordHash ?? null;
}

async function rehashEvents(userId: string): Promise<number> {
  const db = await getDb();
  const rows = await db
    .select({ id: tables.securityEvents.id })
    .from(tables.securityEvents)
    .where(and(eq(tables.securityEvents.userId, userId), eq(tables.securityEvents.type, "password_rehashed")));
  return rows.length;
}

// The password = "password" vector is passlib's; the others are made here in the documented layouts.
const passwordOf = (scheme: string): string => (scheme.includes("documented example") ? "password" : PASSWORD);

describe("verifyAndUpdatePassword at sign-in", () => {
  for (const [scheme, make] of Object.entries(HASHES)) {
    it(`${scheme}: a wrong password fails and changes nothing; the right one signs in and leaves an argon2id hash`, async () => {
      const original = await make();
      expect(needsRehash(original)).toBe(true);
      const user = await importedUser(original);
      const wrong = await loginWithPassword({ identity: user.email, password: "not the password at all", remember: false }, newCtx());
      expect(wrong.ok).toBe(false);
      expect(await storedHash(user.id)).toBe(original);

      const right = await loginWithPassword({ identity: user.email, password: passwordOf(scheme), remember: false }, newCtx());
      expect(right.ok).toBe(true);
      const upgraded = await storedHash(user.id);
      expect(upgraded).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
      expect(needsRehash(upgraded ?? "")).toBe(false);
      expect(await rehashEvents(user.id)).toBe(1);
      // The new hash is the same password.
      expect((await loginWithPassword({ identity: user.email, password: passwordOf(scheme), remember: false }, newCtx())).ok).toBe(true);
      expect(await rehashEvents(user.id)).toBe(1);
    });
  }

  it("leaves a current argon2id hash alone", async () => {
    const user = await importedUser(await argon2Hash(PASSWORD, { memoryCost: 19_456, timeCost: 2, parallelism: 1 }));
    const before = await storedHash(user.id);
    expect((await loginWithPassword({ identity: user.email, password: PASSWORD, remember: false }, newCtx())).ok).toBe(true);
    expect(await storedHash(user.id)).toBe(before);
    expect(await rehashEvents(user.id)).toBe(0);
  });

  it("refuses hashes with absurd costs at once (no hash work: under a second, where hashing would take hours), whatever the password", async () => {
    const absurd = [
      bcrypt.hashSync(PASSWORD, 4).replace(/^\$2b\$04\$/, "$2b$31$"),
      `$scrypt$ln=30,r=8,p=1$${b64(salt)}$${b64(randomBytes(32))}`,
      `$scrypt$ln=14,r=8,p=1000$${b64(salt)}$${b64(randomBytes(32))}`,
      `$pbkdf2-sha256$4000000000$${ab64(salt)}$${ab64(randomBytes(32))}`,
      `pbkdf2_sha256$999999999999$${textSalt}$${randomBytes(32).toString("base64")}`,
      `scrypt:1073741824:8:1$${textSalt}$${randomBytes(64).toString("hex")}`,
      "$argon2id$v=19$m=4194304,t=1,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
      "$argon2id$v=19$m=19456,t=100000,p=1$c29tZXNhbHRzb21lc2FsdA$aGFzaGhhc2hoYXNoaGFzaGhhc2hoYXNoaGFzaGhhc2g",
    ];
    for (const stored of absurd) {
      const started = performance.now();
      expect(await verifyPassword(stored, PASSWORD)).toBe(false);
      // Each of these would take hours to days (or more memory than the machine has) if computed. The
      // bound is loose because a loaded CI machine once took 277 ms for the first, lazily loaded verifier.
      expect(performance.now() - started, stored).toBeLessThan(1000);
    }
    const user = await importedUser(absurd[0] ?? "");
    const started = performance.now();
    expect((await loginWithPassword({ identity: user.email, password: PASSWORD, remember: false }, newCtx())).ok).toBe(false);
    // The gate's own work (budgets, the failure count) comes on top; no hash work is done.
    expect(performance.now() - started).toBeLessThan(1000);
    expect(await storedHash(user.id)).toBe(absurd[0]);
  });

  it("two sign-ins at once both succeed and the hash is replaced once", async () => {
    const original = bcrypt.hashSync(PASSWORD, 10);
    const user = await importedUser(original);
    const results = await Promise.all([0, 1].map(() => loginWithPassword({ identity: user.email, password: PASSWORD, remember: false }, newCtx())));
    expect(results.map((r) => r.ok)).toEqual([true, true]);
    expect(await rehashEvents(user.id)).toBe(1);
    expect(await storedHash(user.id)).toMatch(/^\$argon2id\$/);
  });

  it("re-verifying with the password upgrades it too", async () => {
    const user = await importedUser(bcrypt.hashSync(PASSWORD, 10));
    const signedIn = await loginWithPassword({ identity: user.email, password: PASSWORD, remember: false }, newCtx());
    expect(signedIn.ok).toBe(true);
    // Put an outdated hash back, as if the import ran again, then re-verify.
    const db = await getDb();
    await db
      .update(tables.users)
      .set({ passwordHash: bcrypt.hashSync(PASSWORD, 10) })
      .where(eq(tables.users.id, user.id));
    const [session] = await db.select().from(tables.sessions).where(eq(tables.sessions.userId, user.id));
    const record = await findUserById(user.id);
    if (!session || !record) throw new Error("no session");
    expect((await reauthenticateWithPassword(record, session, PASSWORD, newCtx())).ok).toBe(true);
    expect(await storedHash(user.id)).toMatch(/^\$argon2id\$/);
    expect(await rehashEvents(user.id)).toBe(2);
  });
});
