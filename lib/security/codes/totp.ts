import "server-only";
import { generate, generateSecret, generateURI, verify } from "otplib";
import { type TotpCheck, utility } from "../core/plugins";

/** RFC 6238 as authenticator apps expect: 6 digits, 30-second steps, HMAC-SHA-1. */
export const TOTP_PERIOD_SECONDS = 30;

const builtInUri = (secret: string, issuer: string, accountName: string): string => generateURI({ issuer, label: accountName, secret });

/** A new secret: the TOTP utility's (lib/security/plugins.ts), by default otplib's 20 random bytes in base32. */
export function newTotpSecret(): string {
  const custom = utility("totp").newSecret;
  return custom ? custom(generateSecret) : generateSecret();
}

export function totpUri(secret: string, issuer: string, accountName: string): string {
  const custom = utility("totp").uri;
  return custom ? custom(secret, issuer, accountName, builtInUri) : builtInUri(secret, issuer, accountName);
}

/**
 * The code we email or text: the current step's, or the step after `afterTimeStep` when that is
 * later (a second sign-in within 30 s would otherwise get the code replay protection just spent).
 * The TOTP utility's generator (lib/security/plugins.ts).
 */
export function currentTotpCode(secret: string, afterTimeStep = 0): Promise<string> {
  const now = Math.floor(Date.now() / 1000);
  const epoch = Math.max(now, (afterTimeStep + 1) * TOTP_PERIOD_SECONDS);
  const custom = utility("totp").generate;
  return custom ? custom(secret, epoch, builtInGenerate) : builtInGenerate(secret, epoch);
}

const builtInGenerate = (secret: string, epoch: number): Promise<string> => generate({ secret, epoch });

/**
 * Checks a code within ±`windowSeconds` (Flask-Security's per-method validity) and only for time
 * steps after `afterTimeStep`, so each code is accepted once (replay protection). Every check of a
 * code, setup or sign-in, comes here: the TOTP utility's verifier.
 */
export function verifyTotp(secret: string, code: string, windowSeconds: number, afterTimeStep: number): Promise<TotpCheck> {
  const custom = utility("totp").verify;
  return custom ? custom(secret, code, windowSeconds, afterTimeStep, builtInVerify) : builtInVerify(secret, code, windowSeconds, afterTimeStep);
}

async function builtInVerify(secret: string, code: string, windowSeconds: number, afterTimeStep: number): Promise<TotpCheck> {
  const token = code.replace(/[\s-]/g, "");
  if (!/^\d{6}$/.test(token)) return { valid: false };
  try {
    const result = await verify({
      secret,
      token,
      epochTolerance: windowSeconds,
      afterTimeStep: afterTimeStep > 0 ? afterTimeStep : undefined,
    });
    return result.valid && "timeStep" in result ? { valid: true, timeStep: Number(result.timeStep) } : { valid: false };
  } catch {
    return { valid: false };
  }
}
