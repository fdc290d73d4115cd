import { z } from "zod";
import { parseDuration } from "./duration";
import { API_VARIABLES } from "./env-api";
import { OAUTH_VARIABLES } from "./env-oauth";
import { VIEW_VARIABLES } from "./env-views";
import { bool, CONSOLE_PERMISSION_NAMES, duration, int, listOf, PASSKEY_USAGES, rate, TWO_FACTOR_METHODS, US_METHODS } from "./values";

/**
 * Every variable Gatehouse reads, with its default (Flask-Security's, unless docs/decisions says
 * otherwise). Blank values count as unset (loadConfig). The checks across variables are in env.ts.
 */
export const envVariables = z.object({
  NODE_ENV: z
    .enum(["development", "production", "test"])
    .optional()
    .transform((v) => v ?? "development"),
  NEXT_PHASE: z.string().optional(),
  APP_URL: z
    .url({ protocol: /^https?$/ })
    .optional()
    .transform((v) => (v ?? "http://localhost:3000").replace(/\/+$/, "")),
  SECURITY_APP_NAME: z
    .string()
    .min(1)
    .max(64)
    .optional()
    .transform((v) => v ?? "Gatehouse"),
  AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)").optional(),
  // Unset: 0 (the socket address), or 1 on a platform known to write X-Forwarded-For (toConfig).
  TRUST_PROXY: z.coerce.number().int().min(0).max(10).optional(),
  VERCEL: z.string().optional(),
  DATABASE_URL: z.string().optional(),
  SECURITY_ALLOW_INSECURE_APP_URL: bool(false),
  SECURITY_ALLOW_PGLITE_IN_PRODUCTION: bool(false),
  SECURITY_DEV_MAILBOX: bool(false),
  SECURITY_DEV_MAILBOX_TOKEN: z.string().min(32, "SECURITY_DEV_MAILBOX_TOKEN must be at least 32 characters (openssl rand -base64 32)").optional(),

  SECURITY_REGISTERABLE: bool(true),
  SECURITY_CONFIRMABLE: bool(true),
  SECURITY_RECOVERABLE: bool(true),
  SECURITY_CHANGEABLE: bool(true),
  SECURITY_TRACKABLE: bool(true),
  SECURITY_LOGIN_WITHOUT_CONFIRMATION: bool(false),
  SECURITY_RETURN_GENERIC_RESPONSES: bool(true),
  SECURITY_USERNAME_ENABLE: bool(false),
  SECURITY_USERNAME_REQUIRED: bool(false),
  SECURITY_USERNAME_MIN_LENGTH: int(4, 1, 64),
  SECURITY_USERNAME_MAX_LENGTH: int(32, 1, 255),
  SECURITY_SEND_REGISTER_EMAIL: bool(true),
  SECURITY_SEND_PASSWORD_CHANGE_EMAIL: bool(true),
  SECURITY_SEND_PASSWORD_RESET_NOTICE_EMAIL: bool(true),
  SECURITY_SEND_USERNAME_CHANGE_EMAIL: bool(true),
  SECURITY_CHANGE_EMAIL: bool(true),
  SECURITY_CHANGE_USERNAME: bool(true),
  SECURITY_USERNAME_RECOVERY: bool(true),
  // Gatehouse's own: an account's owner may delete it (/account/delete).
  SECURITY_DELETE_ACCOUNT: bool(true),
  // Keep a deleted account's activity log, anonymised (no user, IP, user agent or details), instead of deleting it.
  SECURITY_KEEP_EVENTS_OF_DELETED_USERS: bool(false),
  // Gatehouse's own: email the owner when a browser that never signed in to the account does (decision 038).
  SECURITY_NEW_DEVICE_ALERT: bool(true),
  // Housekeeping forgets a known device not seen for this long (each account's latest one is kept).
  SECURITY_KNOWN_DEVICE_RETENTION: duration("400d"),

  SECURITY_CONFIRM_EMAIL_WITHIN: duration("2d"),
  SECURITY_RESET_PASSWORD_WITHIN: duration("1d"),
  SECURITY_CHANGE_EMAIL_WITHIN: duration("2h"),
  SECURITY_FRESHNESS: duration("24h"),
  SECURITY_FRESHNESS_GRACE_PERIOD: duration("1h"),
  SECURITY_SESSION_LIFETIME: duration("12h"),
  SECURITY_REMEMBER_LIFETIME: duration("30d"),
  // How long an administrator's "view as" session lasts (decision 042): short, it is someone else's account.
  SECURITY_IMPERSONATION_LIFETIME: duration("30m"),

  SECURITY_PASSWORD_LENGTH_MIN: int(8, 8, 128),
  SECURITY_PASSWORD_COMPLEXITY_CHECKER: z
    .enum(["zxcvbn", "none"])
    .optional()
    .transform((v) => v ?? "none"),
  SECURITY_ZXCVBN_MINIMUM_SCORE: int(3, 0, 4),
  SECURITY_PASSWORD_CHECK_BREACHED: z
    .enum(["false", "true", "strict"])
    .optional()
    .transform((v) => v ?? "false"),
  SECURITY_PASSWORD_BREACHED_COUNT: int(1, 1, 1_000_000),
  SECURITY_HIBP_BASE_URL: z
    .url()
    .optional()
    .transform((v) => (v ?? "https://api.pwnedpasswords.com").replace(/\/+$/, "")),
  SECURITY_HIBP_TIMEOUT_MS: int(2000, 100, 30_000),

  SECURITY_EMAIL_SENDER: z
    .string()
    .min(3)
    .optional()
    .transform((v) => v ?? "Gatehouse <no-reply@localhost>"),
  SECURITY_RATE_LIMIT_ENABLED: bool(true),
  SECURITY_ADMIN_ROLE: z
    .string()
    .min(1)
    .optional()
    .transform((v) => v ?? "admin"),
  // The console permissions every start keeps on the admin role (decisions 040, 053). A blank value
  // counts as unset (all four), so "none" is the way to say none.
  SECURITY_ADMIN_ROLE_PERMISSIONS: z
    .string()
    .optional()
    .transform((v) => (v?.trim() === "none" ? "" : v))
    .pipe(listOf(CONSOLE_PERMISSION_NAMES, [...CONSOLE_PERMISSION_NAMES])),

  SECURITY_TWO_FACTOR: bool(true),
  SECURITY_TWO_FACTOR_ENABLED_METHODS: listOf(TWO_FACTOR_METHODS, ["authenticator", "email", "sms"]),
  SECURITY_TWO_FACTOR_REQUIRED: bool(false),
  SECURITY_TWO_FACTOR_REQUIRED_ROLES: z
    .string()
    .optional()
    .transform((v) =>
      (v ?? "")
        .split(",")
        .map((r) => r.trim())
        .filter(Boolean),
    ),
  SECURITY_TWO_FACTOR_ALWAYS_VALIDATE: bool(true),
  SECURITY_TWO_FACTOR_LOGIN_VALIDITY: duration("30d"),
  SECURITY_TWO_FACTOR_AUTHENTICATOR_VALIDITY: duration("120s"),
  SECURITY_TWO_FACTOR_MAIL_VALIDITY: duration("300s"),
  SECURITY_TWO_FACTOR_SMS_VALIDITY: duration("120s"),
  SECURITY_TWO_FACTOR_SETUP_WITHIN: duration("30m"),
  SECURITY_TWO_FACTOR_LOGIN_WITHIN: duration("10m"),
  SECURITY_TWO_FACTOR_RESCUE_EMAIL: bool(true),
  SECURITY_TWO_FACTOR_RESCUE_MAIL: z
    .string()
    .min(3)
    .optional()
    .transform((v) => v ?? "no-reply@localhost"),
  SECURITY_TOTP_ISSUER: z.string().min(1).max(64).optional(),
  SECURITY_MULTI_FACTOR_RECOVERY_CODES: bool(true),
  SECURITY_MULTI_FACTOR_RECOVERY_CODES_N: int(5, 1, 20),
  SECURITY_MULTI_FACTOR_RECOVERY_CODES_LOW: int(2, 0, 20),
  SECURITY_ENCRYPTION_KEYS: z.string().optional(),
  SECURITY_PHONE_REGION_DEFAULT: z
    .string()
    .length(2)
    .optional()
    .transform((v) => (v ?? "US").toUpperCase()),

  SECURITY_UNIFIED_SIGNIN: bool(true),
  SECURITY_US_ENABLED_METHODS: listOf(US_METHODS, ["password", "email", "authenticator", "sms"]),
  SECURITY_US_MFA_REQUIRED: listOf(US_METHODS, ["password", "email"]),
  SECURITY_US_TOKEN_VALIDITY: duration("120s"),
  SECURITY_US_SETUP_WITHIN: duration("30m"),
  SECURITY_PASSWORD_REQUIRED: bool(true),
  SECURITY_PASSWORDLESS: bool(true),
  SECURITY_LOGIN_WITHIN: duration("1d"),
  SECURITY_MAGIC_LINK_SAME_BROWSER: bool(true),

  SECURITY_WEBAUTHN: bool(true),
  WEBAUTHN_RP_ID: z.string().min(1).max(253).optional(),
  WEBAUTHN_RP_NAME: z.string().min(1).max(64).optional(),
  WEBAUTHN_ORIGINS: z.string().optional(),
  SECURITY_WAN_ALLOW_AS_FIRST_FACTOR: bool(true),
  SECURITY_WAN_ALLOW_AS_MULTI_FACTOR: bool(true),
  // "none": no passkey re-verifies (a blank value means "unset", the default, like every variable here).
  SECURITY_WAN_ALLOW_AS_VERIFY: listOf([...PASSKEY_USAGES, "none"], ["first", "secondary"]),
  SECURITY_WAN_ALLOW_USER_HINTS: bool(true),
  SECURITY_WAN_VERIFY_USER_VERIFICATION: z.enum(["required", "preferred", "discouraged"]).default("discouraged"),
  SECURITY_WAN_REGISTER_WITHIN: duration("30m"),
  SECURITY_WAN_SIGNIN_WITHIN: duration("60s"),

  // Toll fraud: texts cost money, and "send a code" forms are abused to pump premium numbers.
  SECURITY_SMS_LIMIT_PER_NUMBER: rate("10/1h"),
  SECURITY_SMS_LIMIT_GLOBAL: rate("1000/1h"),
  SECURITY_OUTBOX_GIVE_UP_AFTER: duration("1d"),
  // Housekeeping (lib/security/core/prune.ts): delivered messages go after this; undeliverable ones stay.
  SECURITY_OUTBOX_RETENTION: duration("7d"),
  // The activity log is the user's and the audit trail: kept unless an operator sets a retention.
  SECURITY_EVENT_RETENTION: z
    .string()
    .optional()
    .transform((v, ctx) => {
      if (v === undefined || v.trim().toLowerCase() === "keep") return null;
      const seconds = parseDuration(v);
      if (seconds === null || seconds < 86_400) {
        ctx.addIssue({ code: "custom", message: `"${v}" is not a retention: "keep" or a duration of at least a day (e.g. 365d)` });
        return z.NEVER;
      }
      return seconds;
    }),
  CRON_SECRET: z.string().min(16, "CRON_SECRET must be at least 16 characters").optional(),

  MAIL_TRANSPORT: z.enum(["resend", "outbox"]).optional(),
  SMS_TRANSPORT: z.enum(["twilio", "outbox"]).optional(),
  TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
  TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
  TWILIO_FROM: z.string().min(1).optional(),
  TWILIO_BASE_URL: z
    .url()
    .optional()
    .transform((v) => (v ?? "https://api.twilio.com").replace(/\/+$/, "")),
  RESEND_API_KEY: z.string().min(1).optional(),
  RESEND_BASE_URL: z.url().optional(),
  ...API_VARIABLES,
  ...OAUTH_VARIABLES,
  ...VIEW_VARIABLES,
});
