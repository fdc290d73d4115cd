import "server-only";
import { pbkdf2, scrypt, timingSafeEqual } from "node:crypto";
import { promisify } from "node:util";
import { verify as bcryptVerify } from "@node-rs/bcrypt";

/**
 * Password hashes made by other systems, verified so their users can sign in once and be moved to
 * argon2id (docs/importing-users.md lists the formats). Every cost parameter is bounded before any
 * work is done: an imported row is data from outside, and one with an absurd cost (bcrypt 31,
 * scrypt ln=30, PBKDF2 with a billion rounds) must be refused at once rather than hang a sign-in.
 */
export const FOREIGN_HASH_LIMITS = {
  /** bcrypt's cost is log2 of the rounds: 14 is 16 times cost 10 (about 1 s here); 10–12 is what systems use. */
  bcryptCost: 14,
  /** scrypt's memory is 128·N·r bytes: at most 128 MiB (passlib's default ln=16, r=8 is 64 MiB). */
  scryptMemoryBytes: 128 * 1024 * 1024,
  scryptParallelism: 16,
  /** Django 5.2 uses 1 000 000 PBKDF2-SHA256 rounds; ten times that still ends within seconds. */
  pbkdf2Iterations: 10_000_000,
} as const;

/** What a stored hash is, as far as verifying it goes. */
export type ForeignScheme = "bcrypt" | "scrypt" | "pbkdf2-sha256" | "pbkdf2-sha512";

interface Parsed {
  scheme: ForeignScheme;
  verify: (password: string) => Promise<boolean>;
}

const pbkdf2Async = promisify(pbkdf2);
const scryptAsync = promisify(scrypt) as (
  password: string,
  salt: Buffer,
  keylen: number,
  options: { N: number; r: number; p: number; maxmem: number },
) => Promise<Buffer>;

const sameBytes = (a: Buffer, b: Buffer): boolean => a.length === b.length && timingSafeEqual(a, b);

/** passlib's "adapted base64": the standard alphabet with "." for "+", no padding. */
const ab64 = (text: string): Buffer | null => decodeBase64(text.replace(/\./g, "+"));

function decodeBase64(text: string): Buffer | null {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(text)) return null;
  const bytes = Buffer.from(text, "base64");
  return bytes.length ? bytes : null;
}

const decodeHex = (text: string): Buffer | null => (/^(?:[0-9a-f]{2})+$/i.test(text) ? Buffer.from(text, "hex") : null);

/** A whole number in a range written in plain decimal (no "1e9", no leading "+"). */
function bounded(text: string | undefined, min: number, max: number): number | null {
  if (!text || !/^\d{1,12}$/.test(text)) return null;
  const value = Number(text);
  return value >= min && value <= max ? value : null;
}

function pbkdf2Check(digest: "sha256" | "sha512", iterations: number | null, salt: Buffer | null, expected: Buffer | null): Parsed | null {
  if (iterations === null || !salt || !expected || expected.length < 16 || expected.length > 64) return null;
  return {
    scheme: `pbkdf2-${digest}`,
    verify: async (password) => sameBytes(await pbkdf2Async(password, salt, iterations, expected.length, digest), expected),
  };
}

function scryptCheck(ln: number | null, r: number | null, p: number | null, salt: Buffer | null, expected: Buffer | null): Parsed | null {
  if (ln === null || r === null || p === null || !salt || !expected || expected.length < 16 || expected.length > 128) return null;
  const N = 2 ** ln;
  const memory = 128 * N * r;
  if (memory > FOREIGN_HASH_LIMITS.scryptMemoryBytes || p > FOREIGN_HASH_LIMITS.scryptParallelism) return null;
  return {
    scheme: "scrypt",
    verify: async (password) => sameBytes(await scryptAsync(password, salt, expected.length, { N, r, p, maxmem: memory + 1024 * 1024 }), expected),
  };
}

const log2 = (n: number | null): number | null => (n !== null && Number.isInteger(Math.log2(n)) ? Math.log2(n) : null);
const MAX_ITER = FOREIGN_HASH_LIMITS.pbkdf2Iterations;

/**
 * Reads a foreign hash into a verifier, or null when it is no format we know or its cost is over
 * the limits. Formats: bcrypt `$2a$`/`$2b$`/`$2y$`; passlib/PHC `$scrypt$ln=,r=,p=$salt$hash`
 * and `$pbkdf2-sha256$rounds$salt$hash` / `$pbkdf2-sha512$…` (adapted base64); Django
 * `pbkdf2_sha256$iterations$salt$hash` and `scrypt$N$salt$r$p$hash`; Werkzeug
 * `pbkdf2:sha256:iterations$salt$hexhash` / `pbkdf2:sha512:…` and `scrypt:N:r:p$salt$hexhash`.
 */
export function parseForeignHash(stored: string): Parsed | null {
  if (stored.length > 512) return null;
  const bcryptMatch = /^\$2[aby]\$(\d\d)\$[./A-Za-z0-9]{53}$/.exec(stored);
  if (bcryptMatch) {
    if (bounded(bcryptMatch[1], 4, FOREIGN_HASH_LIMITS.bcryptCost) === null) return null;
    return { scheme: "bcrypt", verify: (password) => bcryptVerify(password, stored) };
  }
  const parts = stored.split("$");
  // passlib / PHC: "$scheme$params$salt$hash" (a leading "$" makes parts[0] empty).
  if (parts[0] === "" && parts.length === 5) {
    const [, scheme, params = "", salt = "", hash = ""] = parts;
    if (scheme === "scrypt") {
      const p = Object.fromEntries(params.split(",").map((kv) => kv.split("=") as [string, string]));
      return scryptCheck(bounded(p.ln, 1, 30), bounded(p.r, 1, 64), bounded(p.p, 1, 64), decodeBase64(salt), decodeBase64(hash));
    }
    if (scheme === "pbkdf2-sha256" || scheme === "pbkdf2-sha512") {
      return pbkdf2Check(scheme === "pbkdf2-sha256" ? "sha256" : "sha512", bounded(params, 1, MAX_ITER), ab64(salt), ab64(hash));
    }
    return null;
  }
  // Django: "algorithm$…" with the salt as text.
  if (parts[0] === "pbkdf2_sha256" && parts.length === 4) {
    return pbkdf2Check("sha256", bounded(parts[1], 1, MAX_ITER), textSalt(parts[2]), decodeBase64(parts[3] ?? ""));
  }
  if (parts[0] === "scrypt" && parts.length === 6) {
    const [, n, salt, r, p, hash = ""] = parts;
    return scryptCheck(log2(bounded(n, 2, 2 ** 30)), bounded(r, 1, 64), bounded(p, 1, 64), textSalt(salt), decodeBase64(hash));
  }
  // Werkzeug: "method$salt$hexhash", the method's parameters joined by ":".
  if (parts.length === 3) {
    const [method = "", salt, hash = ""] = parts;
    const m = method.split(":");
    if (m[0] === "pbkdf2" && (m[1] === "sha256" || m[1] === "sha512") && m.length === 3) {
      return pbkdf2Check(m[1], bounded(m[2], 1, MAX_ITER), textSalt(salt), decodeHex(hash));
    }
    if (m[0] === "scrypt" && m.length === 4) {
      return scryptCheck(log2(bounded(m[1], 2, 2 ** 30)), bounded(m[2], 1, 64), bounded(m[3], 1, 64), textSalt(salt), decodeHex(hash));
    }
  }
  return null;
}

/** Django and Werkzeug keep the salt as text and hash its UTF-8 bytes. */
const textSalt = (salt: string | undefined): Buffer | null => (salt && salt.length <= 128 ? Buffer.from(salt, "utf8") : null);
