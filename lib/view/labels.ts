import type { AuthnMethod } from "@/lib/security/core/authn-methods";
import type { CodeMethod, TwoFactorMethod } from "@/lib/security/config";

/**
 * Every name a user reads for a way of proving who they are, in one place. The core stores and
 * returns method keys ("authenticator", "sms"); pages, components and email templates turn them
 * into words here. Plain data and type imports only: client components and emails/ read it too.
 */

/** A second factor the sign-in can ask for: a code method, or a passkey registered as "second factor". */
type SecondFactor = TwoFactorMethod | "passkey";

/** A code method by name, inside a sentence: "On — authenticator app", "using text message codes". */
export const CODE_METHOD_NAMES: Readonly<Record<TwoFactorMethod | CodeMethod, string>> = {
  authenticator: "authenticator app",
  email: "email codes",
  sms: "text message codes",
};

/** A second factor by name: "Can't use your passkey?", "Use your authenticator app instead". */
export const SECOND_FACTOR_NAMES: Readonly<Record<SecondFactor, string>> = { ...CODE_METHOD_NAMES, passkey: "passkey" };

/** The method picker (two-factor set-up, sign-in methods): a title and what the method means. */
export const METHOD_CHOICES: Readonly<Record<TwoFactorMethod | CodeMethod, { label: string; description: string }>> = {
  authenticator: {
    label: sentenceCase(CODE_METHOD_NAMES.authenticator),
    description: "Codes from an app such as 1Password, Google Authenticator or Authy. Works offline.",
  },
  email: { label: sentenceCase(CODE_METHOD_NAMES.email), description: "We email you a code each time you sign in." },
  sms: { label: sentenceCase(CODE_METHOD_NAMES.sms), description: "We text a code to your phone each time you sign in." },
};

/** The second-step choice page: one line per factor; `maskedPhone` is where a texted code goes. */
export const SECOND_FACTOR_CHOICES: Readonly<Record<SecondFactor, { title: string; detail: (maskedPhone: string | null) => string }>> = {
  passkey: { title: "Passkey or security key", detail: () => "Use the passkey you registered as your second factor." },
  authenticator: { title: "Authenticator app", detail: () => "Enter the 6-digit code from your app." },
  email: { title: "Email", detail: () => "We'll email you a 6-digit code." },
  sms: { title: "Text message", detail: (maskedPhone) => (maskedPhone ? `We'll text a 6-digit code to ${maskedPhone}.` : "We'll text you a 6-digit code.") },
};

/** Buttons that send a one-time code (unified sign-in, re-verification). */
export const SEND_CODE_LABELS: Readonly<Record<"email" | "sms", string>> = { email: "Email me a code", sms: "Text me a code" };

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
