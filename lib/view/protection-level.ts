import type { TwoFactorMethod } from "@/lib/security/config";

/**
 * What protects an account, as one level a person can read: its weakest way in decides. A
 * passkey beside a password that still works alone is only as strong as that password, so the
 * level says "password only" until every other way in needs a second step.
 */
export type ProtectionLevel = "one-step" | "two-step" | "passkey";

export interface ProtectionFacts {
  hasPassword: boolean;
  /** Passkeys registered to sign in with (usage "first"): phishing-resistant on their own. */
  signInPasskeys: number;
  /** Passkeys registered as a second factor; count only when two-step verification is enabled. */
  secondStepPasskeys: number;
  /** The saved two-step method (null when off, or when the feature is off). */
  twoStepMethod: TwoFactorMethod | null;
  /** Saved one-time-code ways to sign in without a password (email, text, authenticator). */
  signInCodeMethods: number;
}

export function protectionLevel(facts: ProtectionFacts): ProtectionLevel {
  // The sign-in gate asks any second factor the account has, after every first factor (principle 9).
  const secondStep = facts.twoStepMethod !== null || facts.secondStepPasskeys > 0;
  const onlyPasskeys = !facts.hasPassword && facts.signInCodeMethods === 0;
  if (facts.signInPasskeys > 0 && (secondStep || onlyPasskeys)) return "passkey";
  return secondStep ? "two-step" : "one-step";
}
