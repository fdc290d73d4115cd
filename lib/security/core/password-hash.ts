import "server-only";
import { hash, verify } from "@node-rs/argon2";
import { parseForeignHash } from "./foreign-hashes";
import { utility } from "./plugins";

/**
 * OWASP Password Storage Cheat Sheet, argon2id minimum: m=19 MiB, t=2, p=1.
 * (@node-rs/argon2 defaults to the argon2id algorithm.) A product raises them through the password
 * utility's `hashParameters` (lib/security/plugins.ts); hashes made with lower ones are re-made at
 * the next sign-in (verifyAndUpdatePassword, accounts/password-upgrade.ts).
 */
export const DEFAULT_ARGON2_PARAMETERS = { memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export interface Argon2Parameters {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/**
 * The most an argon2 hash may ask for before it is refused unread: Django's default is m=100 MiB,
 * t=2, p=8 and passlib's m=64 MiB, t=3, p=4; far above that is a hostile or broken row.
 */
const ARGON2_LIMITS: Argon2Parameters = { memoryCost: 262_144, timeCost: 16, parallelism: 16 };

const currentParameters = (): Argon2Parameters => utility("password").hashParameters ?? DEFAULT_ARGON2_PARAMETERS;

/** Passwords are compared in NFKD form so the same characters typed on any keyboard match (the password utility's default). */
export function normalizePassword(password: string): string {
  const custom = utility("password").normalize;
  return custom ? custom(password) : password.normalize("NFKD");
}

export function hashPassword(password: string): Promise<string> {
  return hash(normalizePassword(password), { ...currentParameters(), outputLen: 32 });
}

interface Argon2Hash {
  variant: string;
  version: number;
  parameters: Argon2Parameters;
}

function parseArgon2(stored: string): Argon2Hash | null {
  const match = /^\$(argon2id|argon2i)\$(?:v=(\d{1,3})\$)?m=(\d{1,10}),t=(\d{1,10}),p=(\d{1,3})(?:,[^$]*)?\$[A-Za-z0-9+/]+\$[A-Za-z0-9+/]+$/.exec(stored);
  if (!match) return null;
  const parameters = { memoryCost: Number(match[3]), timeCost: Number(match[4]), parallelism: Number(match[5]) };
  return { variant: match[1] ?? "", version: Number(match[2] ?? 16), parameters };
}

const withinLimits = (p: Argon2Parameters): boolean =>
  p.memoryCost <= ARGON2_LIMITS.memoryCost && p.timeCost <= ARGON2_LIMITS.timeCost && p.parallelism <= ARGON2_LIMITS.parallelism;

/** A verifier for a stored hash of any scheme we read, or null (unknown format, or a cost over the limits). */
function verifierFor(stored: string): ((password: string) => Promise<boolean>) | null {
  const argon2 = parseArgon2(stored);
  if (argon2) return withinLimits(argon2.parameters) ? (password) => verify(stored, password) : null;
  return parseForeignHash(stored)?.verify ?? null;
}

/** Whether a stored hash is of a format we read, with costs within the limits (an import's check; nothing is verified). */
export function isReadableHash(passwordHash: string): boolean {
  return verifierFor(passwordHash) !== null;
}

/**
 * True when `password` matches `passwordHash`, of any scheme we read (argon2id/argon2i, bcrypt,
 * scrypt, PBKDF2; docs/importing-users.md). Both the normalized and the raw form verify, as in
 * Flask-Security, so hashes imported from a system that did not normalize keep working.
 */
export async function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  const check = verifierFor(passwordHash);
  if (!check) return false;
  try {
    if (await check(normalizePassword(password))) return true;
    return password !== normalizePassword(password) && (await check(password));
  } catch {
    // A malformed stored hash is a failed verification, never a crash of the login page.
    return false;
  }
}

/**
 * Whether a stored hash should be replaced by a current one after it verified: any scheme other
 * than argon2id v1.3, or argon2id with memory, time or lanes below the current parameters.
 */
export function needsRehash(passwordHash: string): boolean {
  const argon2 = parseArgon2(passwordHash);
  if (!argon2 || argon2.variant !== "argon2id" || argon2.version !== 19) return true;
  const current = currentParameters();
  const p = argon2.parameters;
  return p.memoryCost < current.memoryCost || p.timeCost < current.timeCost || p.parallelism < current.parallelism;
}

/** The scheme of a stored hash, for the activity log ("argon2id", "bcrypt", "pbkdf2-sha256"…), or "unknown". */
export function hashScheme(passwordHash: string): string {
  return parseArgon2(passwordHash)?.variant ?? parseForeignHash(passwordHash)?.scheme ?? "unknown";
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
