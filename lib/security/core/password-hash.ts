import "server-only";
import { hash, verify } from "@node-rs/argon2";

/**
 * OWASP Password Storage Cheat Sheet, argon2id minimum: m=19 MiB, t=2, p=1.
 * (@node-rs/argon2 defaults to the argon2id algorithm.)
 */
const ARGON2_OPTIONS = { memoryCost: 19_456, timeCost: 2, parallelism: 1, outputLen: 32 } as const;

/** Passwords are compared in NFKD form so the same characters typed on any keyboard match. */
export function normalizePassword(password: string): string {
  return password.normalize("NFKD");
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), ARGON2_OPTIONS);
}

/**
 * True when `password` matches. Both the normalized and the raw form verify, as in
 * Flask-Security, so hashes imported from a system that did not normalize keep working.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  try {
    if (await verify(passwordHash, normalizePassword(password))) return true;
    return password !== normalizePassword(password) && (await verify(passwordHash, password));
  } catch {
    // A malformed stored hash is a failed verification, never a crash of the login page.
    return false;
  }
}

let dummyHash: Promise<string> | undefined;

/**
 * Spends one hash verification on a password for an unknown account, so response time does
 * not reveal whether the account exists (OWASP ASVS 2.2.x / account enumeration).
 */
export async function burnPasswordCheck(password: string): Promise<void> {
  dummyHash ??= hashPassword("gatehouse-timing-equaliser");
  await verifyPassword(await dummyHash, password);
}
