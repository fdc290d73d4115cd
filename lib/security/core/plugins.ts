import "server-only";
import type { PasskeyUsage } from "../config";
import type { ErrorCode } from "./errors";
import { PLUGINS } from "../plugins";

/**
 * The replaceable utilities (Flask-Security's `mail_util_cls`, `password_util_cls`,
 * `phone_util_cls`, `username_util_cls`, `webauthn_util_cls`, `totp_cls`,
 * `mf_recovery_codes_util_cls`, and the `is_locked` hook). A product swaps one in lib/security/plugins.ts, the one place
 * (decision 044). Every method is optional: the ones left out keep the default, like a subclass
 * that overrides a single method. Each receives the default as its last argument (`builtIn`), so a
 * replacement can add a rule to the default's instead of rewriting it.
 *
 * The registry is the constant that module exports, read on every call: the same in every bundle
 * and every instance, nothing to set at start-up. Tests replace it with `usePlugins`.
 */

/** One message as a mail transport sends it (lib/mail/transport.ts re-exports it). */
export interface MailMessage {
  from: string;
  to: string;
  subject: string;
  html: string;
  text: string;
}

export interface MailUtil {
  /** The key for look-ups and uniqueness (default: trimmed, NFKC, lower case). */
  normalize(email: string, builtIn: (email: string) => string): string;
  /** A refusal code, or null when the address is acceptable. */
  validate(email: string, builtIn: (email: string) => ErrorCode | null): ErrorCode | null;
  /**
   * Sends one rendered message, after the answer, from the outbox worker (default: the
   * MAIL_TRANSPORT, or the development mailbox). Throw to have the outbox retry it.
   */
  send(message: MailMessage): Promise<void>;
}

export interface PasswordContext {
  email?: string;
  username?: string | null;
}

export interface PasswordUtil {
  /** How passwords are compared (default NFKD). Changing it makes stored hashes of other forms fail. */
  normalize(password: string): string;
  /** The policy for a new password (register, change, reset, admin): a refusal code or null. */
  validate(
    password: string,
    context: PasswordContext,
    builtIn: (password: string, context: PasswordContext) => Promise<ErrorCode | null>,
  ): Promise<ErrorCode | null>;
  /** argon2id parameters for new hashes; stored hashes below them are re-made at the next sign-in. */
  hashParameters: { memoryCost: number; timeCost: number; parallelism: number };
}

export interface PhoneUtil {
  /** E.164, or null when the number is not valid (Flask-Security's get_canonical_form and validate_phone_number). */
  normalize(input: string, region: string, builtIn: (input: string, region: string) => string | null): string | null;
}

export interface UsernameUtil {
  /** The key for look-ups and uniqueness (default: trimmed, NFKD, lower case). */
  normalize(username: string, builtIn: (username: string) => string): string;
  validate(username: string, builtIn: (username: string) => ErrorCode | null): ErrorCode | null;
}

export interface AuthenticatorSelection {
  authenticatorAttachment?: "platform" | "cross-platform";
  residentKey?: "discouraged" | "preferred" | "required";
  requireResidentKey?: boolean;
  userVerification?: "discouraged" | "preferred" | "required";
}

export interface WebauthnUtil {
  /** Which authenticators a new passkey of this usage may be (default: discoverable and verifying for sign-in ones). */
  authenticatorSelection(usage: PasskeyUsage, builtIn: (usage: PasskeyUsage) => AuthenticatorSelection): AuthenticatorSelection;
  /** A new user handle, base64url (default: 32 random bytes). It must reveal nothing about the account. */
  newUserHandle(builtIn: () => string): string;
}

/** A code's check: the 30-second time step it matched (the next check refuses that step and earlier), or invalid. */
export type TotpCheck = { valid: true; timeStep: number } | { valid: false };

export interface TotpUtil {
  /** A new base32 secret for an authenticator app, emailed or texted codes. */
  newSecret(builtIn: () => string): string;
  /** The otpauth:// URI the QR code carries. */
  uri(secret: string, issuer: string, accountName: string, builtIn: (secret: string, issuer: string, accountName: string) => string): string;
  /** The code we email or text for the time step of `epoch` (Unix seconds); default RFC 6238, 6 digits (Flask-Security's generate_totp_password). */
  generate(secret: string, epoch: number, builtIn: (secret: string, epoch: number) => Promise<string>): Promise<string>;
  /**
   * Checks a typed code within ±`windowSeconds`, accepting only time steps after `afterTimeStep`
   * (replay protection: keep it when replacing this), for every method, setup and sign-in (Flask-Security's verify_totp).
   */
  verify(
    secret: string,
    code: string,
    windowSeconds: number,
    afterTimeStep: number,
    builtIn: (secret: string, code: string, windowSeconds: number, afterTimeStep: number) => Promise<TotpCheck>,
  ): Promise<TotpCheck>;
}

export interface RecoveryCodesUtil {
  /** A new recovery code, in the form `normalize` gives back. */
  generate(builtIn: () => string): string;
  /** A typed code in its stored form, or null when it cannot be one. */
  normalize(input: string, builtIn: (input: string) => string | null): string | null;
}

/** What a look-up says of an address's domain: mail can go there, it cannot, or no answer in time. */
export type Deliverability = "deliverable" | "undeliverable" | "unknown";

export interface EmailDeliverabilityUtil {
  /**
   * Whether mail can reach `domain` (SECURITY_EMAIL_CHECK_DELIVERABILITY, at registration only).
   * Default: its MX records through node:dns, else an A/AAAA record (RFC 5321's implicit MX); a
   * null MX (RFC 7505) is undeliverable; a timeout or a resolver failure is "unknown", which is let through.
   */
  check(domain: string, builtIn: (domain: string) => Promise<Deliverability>): Promise<Deliverability>;
}

/** What the lock hook is shown of an account (a UserRecord passes; the core does not import the accounts layer). */
export interface LockableUser {
  id: string;
  email: string;
  username: string | null;
  active: boolean;
  confirmedAt: Date | null;
}

export interface AccountUtil {
  /**
   * The application's own lock (decision 056; Flask-Security's is_locked): true refuses every sign-in
   * (LOCKED_ACCOUNT) and every reset, after the proof. Default: false. Distinct from the built-in
   * lock after failed attempts (ACCOUNT_LOCKED). Keep it quick: every sign-in waits for it.
   */
  isLocked(user: LockableUser, builtIn: (user: LockableUser) => Promise<boolean>): boolean | Promise<boolean>;
}

export interface Utilities {
  account: AccountUtil;
  mail: MailUtil;
  password: PasswordUtil;
  phone: PhoneUtil;
  username: UsernameUtil;
  webauthn: WebauthnUtil;
  totp: TotpUtil;
  recoveryCodes: RecoveryCodesUtil;
  emailDeliverability: EmailDeliverabilityUtil;
}

/** What lib/security/plugins.ts exports: for each utility, the methods to replace. */
export type Plugins = { [K in keyof Utilities]?: Partial<Utilities[K]> };

let replaced: Plugins | null = null;

/** The replacements of one utility ({} when it is the default). */
export function utility<K extends keyof Utilities>(name: K): Partial<Utilities[K]> {
  return ((replaced ?? PLUGINS)[name] ?? {}) as Partial<Utilities[K]>;
}

/**
 * Replaces the registry (tests: instead of editing lib/security/plugins.ts); `null` restores the
 * product's. Affects this process only, like setMailTransport.
 */
export function usePlugins(plugins: Plugins | null): void {
  replaced = plugins;
}
