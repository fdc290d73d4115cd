import "server-only";
import { createHash } from "node:crypto";
import type { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { dictionary } from "@zxcvbn-ts/language-common";
import { getConfig } from "../config";
import { messageFor, type ErrorCode, type Failure } from "../core/errors";
import { normalizePassword } from "../core/password-hash";
import { utility, type PasswordContext } from "../core/plugins";

/** NIST 800-63B §5.1.1.2: allow at least 64 characters; we cap at 128 like Flask-Security. */
export const PASSWORD_MAX_LENGTH = 128;

let commonPasswords: Set<string> | undefined;

/** ~49k most common passwords (zxcvbn's list, bundled with the package): NIST's "blocklist" check. */
function isCommonPassword(password: string): boolean {
  commonPasswords ??= new Set((dictionary["passwords-common"] as string[]).map((p) => p.toLowerCase()));
  return commonPasswords.has(password.toLowerCase());
}

export type { PasswordContext } from "../core/plugins";

/** A policy failure as a Failure on `field`, its message naming the configured limits. */
export function passwordPolicyFailure(code: ErrorCode, field: string): Failure {
  const params = { min: getConfig().password.minLength, max: PASSWORD_MAX_LENGTH };
  return { ok: false, code, params, fieldErrors: { [field]: [messageFor(code, params)] } };
}

/** Checks a new password against the password utility's policy (lib/security/plugins.ts): the first failing rule's code, or null. */
export async function checkPasswordPolicy(password: string, context: PasswordContext = {}): Promise<ErrorCode | null> {
  const custom = utility("password").validate;
  return custom ? custom(password, context, builtInPolicy) : builtInPolicy(password, context);
}

/** The default policy: length, the common-password list, zxcvbn strength, breached passwords. */
async function builtInPolicy(password: string, context: PasswordContext): Promise<ErrorCode | null> {
  const config = getConfig().password;
  const normalized = normalizePassword(password);
  const length = [...normalized].length; // code points, not UTF-16 units
  if (length < config.minLength || length > PASSWORD_MAX_LENGTH) return "PASSWORD_INVALID_LENGTH";
  if (isCommonPassword(normalized)) return "PASSWORD_TOO_COMMON";
  const localPart = context.email?.split("@")[0]?.toLowerCase();
  if (localPart && localPart.length >= 4 && normalized.toLowerCase() === localPart) return "PASSWORD_TOO_COMMON";
  if (config.complexityChecker === "zxcvbn" && (await zxcvbnScore(normalized, context)) < config.zxcvbnMinimumScore) {
    return "PASSWORD_TOO_SIMPLE";
  }
  if (config.checkBreached !== "false") {
    const breached = await breachCount(normalized);
    if (breached === null) return config.checkBreached === "strict" ? "PASSWORD_BREACHED_SITE_ERROR" : null;
    if (breached >= config.breachedCount) return "PASSWORD_BREACHED";
  }
  return null;
}

let zxcvbnChecker: Promise<ZxcvbnFactory> | undefined;

async function zxcvbnScore(password: string, context: PasswordContext): Promise<number> {
  zxcvbnChecker ??= Promise.all([import("@zxcvbn-ts/core"), import("@zxcvbn-ts/language-common")]).then(
    ([core, common]) => new core.ZxcvbnFactory({ dictionary: common.dictionary, graphs: common.adjacencyGraphs }),
  );
  const userInputs = [context.email, context.username].filter((v): v is string => Boolean(v));
  return (await zxcvbnChecker).check(password, userInputs).score;
}

/**
 * Have I Been Pwned range API (k-anonymity: only the first 5 hex chars of the SHA-1 leave the
 * server). Returns how often the password appears in breaches, or null when the service
 * could not be reached in time.
 */
export async function breachCount(password: string): Promise<number | null> {
  const config = getConfig().password;
  const sha1 = createHash("sha1").update(password, "utf8").digest("hex").toUpperCase();
  const prefix = sha1.slice(0, 5);
  const suffix = sha1.slice(5);
  try {
    const response = await fetch(`${config.hibpBaseUrl}/range/${prefix}`, {
      headers: { "Add-Padding": "true", "User-Agent": "gatehouse" },
      signal: AbortSignal.timeout(config.hibpTimeoutMs),
    });
    if (!response.ok) return null;
    const body = await response.text();
    for (const line of body.split("\n")) {
      const [candidate, count] = line.trim().split(":");
      if (candidate === suffix) return Number(count) || 0;
    }
    return 0;
  } catch {
    return null;
  }
}
