import "server-only";
import { getConfig, type CodeMethod, type TwoFactorMethod } from "@/lib/security/config";
import type { UserRecord } from "@/lib/security/accounts/users";
import { maskPhone } from "@/lib/security/accounts/phone";
import { getTwoFactor, listSignInMethods } from "@/lib/security/codes/store";
import { isTwoFactorRequired } from "@/lib/security/core/two-factor-required";
import { listPasskeys } from "@/lib/security/passkeys/credentials";
import { recoveryCodeStatus } from "@/lib/security/recovery-codes/store";
import { METHOD_CHOICES } from "@/lib/view/labels";
import { protectionLevel, type ProtectionLevel } from "@/lib/view/protection-level";

/**
 * One code method as the Sign-in & security page shows it: both of its uses in one row. The core
 * keeps two-step methods and sign-in methods apart (Flask-Security's tf-setup and us-setup, each
 * with its own secret); a person sees one authenticator app, email or phone that can do either.
 * `null` means the settings do not offer that use.
 */
export interface MethodUses {
  method: CodeMethod;
  label: string;
  description: string;
  /** Signs in without a password (unified sign-in). */
  signIn: boolean | null;
  /** Asked for after the first step (two-step verification). */
  secondStep: boolean | null;
  /** Where codes go, when that helps the owner recognise it ("Codes go to …"). */
  detail: string | null;
  /** The same address or masked phone alone, for the page to word in its language. */
  codesGoTo: string | null;
}

export interface SecurityOverview {
  level: ProtectionLevel;
  hasPassword: boolean;
  passkeys: { offered: boolean; signIn: number; secondStep: number };
  methods: MethodUses[];
  twoStep: { offered: boolean; method: TwoFactorMethod | null; required: boolean };
  recoveryCodes: { offered: boolean; total: number; remaining: number; low: boolean };
}

/** The strongest first: an app's codes cannot be intercepted on the way, texted ones can. */
const METHOD_ORDER: readonly CodeMethod[] = ["authenticator", "email", "sms"];

/** Everything the page shows, read in one round of parallel queries; nothing secret leaves here. */
export async function readSecurityOverview(user: UserRecord, roles: readonly string[]): Promise<SecurityOverview> {
  const config = getConfig();
  const twoStepOffered = config.twoFactor.enabled;
  const [twoFactor, signInRows, passkeys, codes] = await Promise.all([
    twoStepOffered ? getTwoFactor(user.id) : null,
    config.unified.enabled ? listSignInMethods(user.id) : [],
    config.webauthn.enabled ? listPasskeys(user.id) : [],
    config.recoveryCodes.enabled ? recoveryCodeStatus(user.id) : { total: 0, remaining: 0 },
  ]);
  const signInOffered = (m: CodeMethod): boolean => config.unified.enabled && (config.unified.methods as readonly string[]).includes(m);
  const secondStepOffered = (m: CodeMethod): boolean => twoStepOffered && (config.twoFactor.methods as readonly string[]).includes(m);
  const methods = METHOD_ORDER.filter((m) => signInOffered(m) || secondStepOffered(m)).map((method): MethodUses => {
    const row = signInRows.find((r) => r.method === method);
    const phone = method === "sms" ? (row?.phone ?? (twoFactor?.method === "sms" ? twoFactor.phone : null)) : null;
    return {
      method,
      ...METHOD_CHOICES[method],
      signIn: signInOffered(method) ? Boolean(row) : null,
      secondStep: secondStepOffered(method) ? twoFactor?.method === method : null,
      detail: method === "email" ? `Codes go to ${user.email}` : phone ? `Codes go to ${maskPhone(phone)}` : null,
      codesGoTo: method === "email" ? user.email : phone ? maskPhone(phone) : null,
    };
  });
  const signInPasskeys = passkeys.filter((p) => p.usage === "first").length;
  // A second-factor passkey is asked for only while two-step verification is offered.
  const secondStepPasskeys = twoStepOffered ? passkeys.length - signInPasskeys : 0;
  const twoStepMethod = twoFactor?.method ?? null;
  return {
    level: protectionLevel({
      hasPassword: Boolean(user.passwordHash),
      signInPasskeys,
      secondStepPasskeys,
      twoStepMethod,
      signInCodeMethods: signInRows.length,
    }),
    hasPassword: Boolean(user.passwordHash),
    passkeys: { offered: config.webauthn.enabled, signIn: signInPasskeys, secondStep: secondStepPasskeys },
    methods,
    twoStep: { offered: twoStepOffered, method: twoStepMethod, required: twoStepOffered && isTwoFactorRequired(roles) },
    recoveryCodes: { offered: config.recoveryCodes.enabled, ...codes, low: codes.total > 0 && codes.remaining <= config.recoveryCodes.lowWarning },
  };
}
