export interface RateLimitPolicy {
  /** Bucket name in the rate_limits table. */
  bucket: string;
  limit: number;
  windowSeconds: number;
  /** Counted even with SECURITY_RATE_LIMIT_ENABLED=false: a lock, not a rate limit. */
  lock?: boolean;
}

/**
 * Budgets per route. Sized so a person who mistypes never meets them, while online guessing
 * stays far below NIST 800-63B's ceiling of 100 consecutive failures per account.
 */
export const RATE_LIMITS = {
  loginPerIp: { bucket: "login:ip", limit: 60, windowSeconds: 15 * 60 },
  /**
   * Consecutive failures of an identity that names no account, so it locks after as many tries as
   * a real account does (lib/security/accounts/lockout.ts); a year, because real accounts never unlock by time.
   */
  consecutiveFailuresUnknown: { bucket: "login:consecutive-unknown", limit: 100, windowSeconds: 365 * 24 * 60 * 60, lock: true },
  /** Failed passwords per account before a temporary lock (the counter resets on success). */
  loginFailuresPerAccount: { bucket: "login:account", limit: 10, windowSeconds: 15 * 60 },
  registerPerIp: { bucket: "register:ip", limit: 10, windowSeconds: 60 * 60 },
  forgotPerIp: { bucket: "forgot:ip", limit: 10, windowSeconds: 15 * 60 },
  /** Emails to one address: stops the form being used to flood someone's inbox. */
  emailsPerAddress: { bucket: "mail:address", limit: 5, windowSeconds: 60 * 60 },
  /** Email changes asked for per user: each mails two addresses (the new one also has emailsPerAddress). */
  changeEmailPerUser: { bucket: "change-email:user", limit: 10, windowSeconds: 60 * 60 },
  changeUsernamePerUser: { bucket: "change-username:user", limit: 10, windowSeconds: 60 * 60 },
  recoverUsernamePerIp: { bucket: "recover-username:ip", limit: 10, windowSeconds: 15 * 60 },
  /** Typed confirmations of an account deletion per user (each costs a database transaction). */
  deleteAccountPerUser: { bucket: "delete-account:user", limit: 10, windowSeconds: 15 * 60 },
  confirmResendPerIp: { bucket: "confirm:ip", limit: 10, windowSeconds: 15 * 60 },
  verifyPerUser: { bucket: "verify:user", limit: 10, windowSeconds: 15 * 60 },
  verifyPerIp: { bucket: "verify:ip", limit: 30, windowSeconds: 15 * 60 },
  /** Second-factor codes and recovery codes checked per user (each failure also counts as a login failure). */
  codeChecksPerUser: { bucket: "code:user", limit: 10, windowSeconds: 15 * 60 },
  /**
   * Passkey sign-in challenges per IP. Each is a database row, so this caps what an anonymous
   * client can make us store; the login page's autofill asks for a fresh one about once a minute.
   */
  passkeyChallengesPerIp: { bucket: "passkey-challenge:ip", limit: 300, windowSeconds: 15 * 60 },
  /** "Email me a code", "Text me a code" and sign-in links, per client IP. */
  signInCodesPerIp: { bucket: "us-send:ip", limit: 20, windowSeconds: 15 * 60 },
  /** Sign-in method set-ups started per user: a phone form cannot be used to probe numbers at speed. */
  methodSetupsPerUser: { bucket: "method-setup:user", limit: 20, windowSeconds: 15 * 60 },
  /** Codes emailed or texted per user: resend buttons cannot spam or run up an SMS bill. */
  codesSentPerUser: { bucket: "code-send:user", limit: 5, windowSeconds: 15 * 60 },
} as const satisfies Record<string, RateLimitPolicy>;

/** NIST 800-63B §5.2.2: no more than 100 consecutive failed attempts on one account. */
export const MAX_CONSECUTIVE_FAILURES = 100;
