import type { AuthnMethod } from "@/lib/security/core/authn-methods";
import type { CodeMethod, TwoFactorMethod } from "@/lib/security/config";

/**
 * Every name a user reads for a way of proving who they are, in one place. The core stores and
 * returns method keys ("authenticator", "sms"); pages, components and email templates turn them
 * into words here. Plain data and type imports only: client components and emails/ read it too.
 */

/** A code method by name, inside a sentence: "On — authenticator app", "using text message codes". */
export const CODE_METHOD_NAMES: Readonly<Record<TwoFactorMethod | CodeMethod, string>> = {
  authenticator: "authenticator app",
  email: "email codes",
  sms: "text message codes",
};

/** The method picker (two-factor set-up, sign-in methods): a title and what the method means. */
export const METHOD_CHOICES: Readonly<Record<TwoFactorMethod | CodeMethod, { label: string; description: string }>> = {
  authenticator: {
    label: sentenceCase(CODE_METHOD_NAMES.authenticator),
    description: "Codes from an app such as 1Password, Google Authenticator or Authy. Works offline.",
  },
  email: { label: sentenceCase(CODE_METHOD_NAMES.email), description: "We email you a code each time you sign in." },
  sms: { label: sentenceCase(CODE_METHOD_NAMES.sms), description: "We text a code to your phone each time you sign in." },
};

/** Words for the activity log and the sessions page ("password + authenticator app"). */
export const AUTHN_METHOD_LABELS: Readonly<Record<AuthnMethod, string>> = {
  password: "password",
  "reset-password": "password set by an emailed reset link",
  register: "new account",
  email: "emailed code",
  "magic-link": "emailed sign-in link",
  "confirm-link": "emailed confirmation link",
  sms: "text message code",
  authenticator: "authenticator app",
  passkey: "passkey",
  oauth: "sign-in provider",
  "user-verification": "device PIN or biometric",
  "remembered-device": "remembered device",
  "recovery-code": "recovery code",
  "rescue-email": "emailed rescue code",
  verify: "re-verified",
  "two-factor": "second factor",
};

/** How a session or sign-in was proven, from its authn_via (unknown entries and "verify" left out). */
export function describeAuthnVia(via: readonly string[], labels: Readonly<Record<string, string>> = AUTHN_METHOD_LABELS): string {
  return via
    .filter((m): m is AuthnMethod => Object.hasOwn(AUTHN_METHOD_LABELS, m) && m !== "verify")
    .map((m) => labels[m] ?? AUTHN_METHOD_LABELS[m])
    .join(" + ");
}

/**
 * The name of a code method stored in an email's payload. Payloads carry the method's key; one
 * queued before the key replaced the words carries the words, and renders as it is.
 */
export function codeMethodName(method: string, names: Readonly<Record<string, string>> = CODE_METHOD_NAMES): string {
  return Object.hasOwn(names, method) ? names[method]! : method;
}

export function sentenceCase(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
