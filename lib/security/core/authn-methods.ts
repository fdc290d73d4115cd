/**
 * How a factor was proven, as stored in `sessions.authn_via` and `pending_logins.authn_via` (first
 * factor first), and the channel each proof travels through. Two factors count as two only when
 * their channels differ (DESIGN.md principle 10): an emailed link and an emailed code are one
 * mailbox, so control of the inbox alone must never open an account that has a second factor.
 */
export const AUTHN_METHODS = [
  // Something you know.
  "password",
  /** A password chosen through an emailed reset link: it proves the inbox, not knowledge. */
  "reset-password",
  /** Signed in straight after registering (confirmation off or not required). */
  "register",
  // Codes and links delivered to, or generated on, something you have.
  "email",
  "magic-link",
  /** Signed in by opening an emailed confirmation link (SECURITY_AUTO_LOGIN_AFTER_CONFIRM, decision 055). */
  "confirm-link",
  "sms",
  "authenticator",
  "passkey",
  /** An identity at an OAuth / OpenID Connect provider. */
  "oauth",
  /** The passkey's PIN or biometric: with it a passkey is two factors on its own. */
  "user-verification",
  /** A device that passed the second factor before ("remember this device"). */
  "remembered-device",
  // Ways around a lost second factor.
  "recovery-code",
  "rescue-email",
  // Re-verification markers and rows written before channels were recorded.
  "verify",
  "two-factor",
] as const;

export type AuthnMethod = (typeof AUTHN_METHODS)[number];

/** What an attacker must control to present the proof. */
export type Channel = "knowledge" | "email" | "phone" | "authenticator" | "passkey" | "device" | "recovery-codes" | "unknown";

const CHANNELS: Record<AuthnMethod, Channel> = {
  password: "knowledge",
  "reset-password": "email",
  register: "knowledge",
  email: "email",
  "magic-link": "email",
  "confirm-link": "email",
  sms: "phone",
  authenticator: "authenticator",
  passkey: "passkey",
  // The provider account often is the mailbox (Google, Microsoft) or can reset it: counted as the
  // email channel, so an emailed code never completes an OAuth sign-in (decision 046).
  oauth: "email",
  // The authenticator checked the PIN or biometric locally: a factor of the passkey's own.
  "user-verification": "device",
  "remembered-device": "device",
  "recovery-code": "recovery-codes",
  "rescue-email": "email",
  verify: "knowledge",
  "two-factor": "unknown",
};

export function channelOf(method: AuthnMethod): Channel {
  return CHANNELS[method];
}

export function isAuthnMethod(value: unknown): value is AuthnMethod {
  return typeof value === "string" && (AUTHN_METHODS as readonly string[]).includes(value);
}

/** Whether a second factor proven by `second` is independent of every factor already in `via`. */
export function isIndependentOf(via: readonly string[], second: AuthnMethod): boolean {
  const channel = channelOf(second);
  return !via.some((m) => isAuthnMethod(m) && channelOf(m) === channel);
}

/**
 * Whether a session's proofs come through two different channels (what required two-factor asks
 * of a session). Rows from before channels were recorded carry "two-factor" for their second step.
 */
export function isMultiFactor(via: readonly string[]): boolean {
  const channels = new Set(
    via
      .filter(isAuthnMethod)
      .filter((m) => m !== "verify")
      .map(channelOf),
  );
  return channels.size >= 2;
}
