import { z } from "zod";
import { parseDuration } from "./duration";

/**
 * Every security setting in one typed object, read from the environment once and validated at
 * start-up (instrumentation.ts). Names mirror Flask-Security's `SECURITY_*` settings; defaults
 * follow its documentation except where docs/decisions says otherwise (generic responses on,
 * every feature of this starter on).
 */
const bool = (fallback: boolean) =>
  z
    .enum(["true", "false", "1", "0", "yes", "no", "on", "off"])
    .optional()
    .transform((v) => (v === undefined ? fallback : ["true", "1", "yes", "on"].includes(v)));

const duration = (fallback: string) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const seconds = parseDuration(v ?? fallback);
      if (seconds === null) {
        ctx.addIssue({ code: "custom", message: `"${v}" is not a duration (e.g. 90s, 30m, 12h, 2d)` });
        return z.NEVER;
      }
      return seconds;
    });

const int = (fallback: number, min: number, max: number) =>
  z.coerce.number().int().min(min).max(max).optional().transform((v) => v ?? fallback);

const TWO_FACTOR_METHODS = ["authenticator", "email", "sms"] as const;
export type TwoFactorMethod = (typeof TWO_FACTOR_METHODS)[number];

const methodList = (fallback: TwoFactorMethod[]) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const items = v === undefined ? fallback : v.split(",").map((m) => m.trim()).filter(Boolean);
      const bad = items.filter((m) => !(TWO_FACTOR_METHODS as readonly string[]).includes(m));
      if (bad.length) {
        ctx.addIssue({ code: "custom", message: `unknown method(s) ${bad.join(", ")}; use ${TWO_FACTOR_METHODS.join(", ")}` });
        return z.NEVER;
      }
      return { methods: [...new Set(items)] as TwoFactorMethod[], explicit: v !== undefined };
    });

const PASSKEY_USAGES = ["first", "secondary"] as const;
/** A passkey registered to sign in on its own ("first") or only as a second factor. */
export type PasskeyUsage = (typeof PASSKEY_USAGES)[number];

const usageList = (fallback: PasskeyUsage[]) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const items = v === undefined ? fallback : v.split(",").map((m) => m.trim()).filter(Boolean);
      if (items.some((m) => !(PASSKEY_USAGES as readonly string[]).includes(m))) {
        ctx.addIssue({ code: "custom", message: `use a list of ${PASSKEY_USAGES.join(", ")}` });
        return z.NEVER;
      }
      return [...new Set(items)] as PasskeyUsage[];
    });

const US_METHODS = ["password", "email", "authenticator", "sms"] as const;
/** What a unified sign-in passcode can be: the password, or a code of one of these methods. */
export type UnifiedMethod = (typeof US_METHODS)[number];
/** The code methods of unified sign-in (each with its own secret). */
export type CodeMethod = Exclude<UnifiedMethod, "password">;

const unifiedList = (fallback: UnifiedMethod[]) =>
  z
    .string()
    .optional()
    .transform((v, ctx) => {
      const items = v === undefined ? fallback : v.split(",").map((m) => m.trim()).filter(Boolean);
      if (items.some((m) => !(US_METHODS as readonly string[]).includes(m))) {
        ctx.addIssue({ code: "custom", message: `use a list of ${US_METHODS.join(", ")}` });
        return z.NEVER;
      }
      return [...new Set(items)] as UnifiedMethod[];
    });

const DEV_AUTH_SECRET = "gatehouse-development-secret-do-not-use-in-production";

const envSchema = z
  .object({
    NODE_ENV: z.enum(["development", "production", "test"]).optional().transform((v) => v ?? "development"),
    NEXT_PHASE: z.string().optional(),
    APP_URL: z.url({ protocol: /^https?$/ }).optional().transform((v) => (v ?? "http://localhost:3000").replace(/\/+$/, "")),
    SECURITY_APP_NAME: z.string().min(1).max(64).optional().transform((v) => v ?? "Gatehouse"),
    AUTH_SECRET: z.string().min(32, "AUTH_SECRET must be at least 32 characters (openssl rand -base64 32)").optional(),
    TRUST_PROXY: int(1, 0, 10),

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

    SECURITY_CONFIRM_EMAIL_WITHIN: duration("2d"),
    SECURITY_RESET_PASSWORD_WITHIN: duration("1d"),
    SECURITY_FRESHNESS: duration("24h"),
    SECURITY_FRESHNESS_GRACE_PERIOD: duration("1h"),
    SECURITY_SESSION_LIFETIME: duration("12h"),
    SECURITY_REMEMBER_LIFETIME: duration("30d"),

    SECURITY_PASSWORD_LENGTH_MIN: int(8, 8, 128),
    SECURITY_PASSWORD_COMPLEXITY_CHECKER: z.enum(["zxcvbn", "none"]).optional().transform((v) => v ?? "none"),
    SECURITY_ZXCVBN_MINIMUM_SCORE: int(3, 0, 4),
    SECURITY_PASSWORD_CHECK_BREACHED: z.enum(["false", "true", "strict"]).optional().transform((v) => v ?? "false"),
    SECURITY_PASSWORD_BREACHED_COUNT: int(1, 1, 1_000_000),
    SECURITY_HIBP_BASE_URL: z.url().optional().transform((v) => (v ?? "https://api.pwnedpasswords.com").replace(/\/+$/, "")),
    SECURITY_HIBP_TIMEOUT_MS: int(2000, 100, 30_000),

    SECURITY_POST_LOGIN_VIEW: z.string().startsWith("/").optional().transform((v) => v ?? "/account"),
    SECURITY_POST_LOGOUT_VIEW: z.string().startsWith("/").optional().transform((v) => v ?? "/"),
    SECURITY_EMAIL_SENDER: z.string().min(3).optional().transform((v) => v ?? "Gatehouse <no-reply@localhost>"),
    SECURITY_RATE_LIMIT_ENABLED: bool(true),
    SECURITY_ADMIN_ROLE: z.string().min(1).optional().transform((v) => v ?? "admin"),

    SECURITY_TWO_FACTOR: bool(true),
    SECURITY_TWO_FACTOR_ENABLED_METHODS: methodList(["authenticator", "email", "sms"]),
    SECURITY_TWO_FACTOR_REQUIRED: bool(false),
    SECURITY_TWO_FACTOR_REQUIRED_ROLES: z.string().optional().transform((v) => (v ?? "").split(",").map((r) => r.trim()).filter(Boolean)),
    SECURITY_TWO_FACTOR_ALWAYS_VALIDATE: bool(true),
    SECURITY_TWO_FACTOR_LOGIN_VALIDITY: duration("30d"),
    SECURITY_TWO_FACTOR_AUTHENTICATOR_VALIDITY: duration("120s"),
    SECURITY_TWO_FACTOR_MAIL_VALIDITY: duration("300s"),
    SECURITY_TWO_FACTOR_SMS_VALIDITY: duration("120s"),
    SECURITY_TWO_FACTOR_SETUP_WITHIN: duration("30m"),
    SECURITY_TWO_FACTOR_LOGIN_WITHIN: duration("10m"),
    SECURITY_TWO_FACTOR_RESCUE_EMAIL: bool(true),
    SECURITY_TWO_FACTOR_RESCUE_MAIL: z.string().min(3).optional().transform((v) => v ?? "no-reply@localhost"),
    SECURITY_TOTP_ISSUER: z.string().min(1).max(64).optional(),
    SECURITY_MULTI_FACTOR_RECOVERY_CODES: bool(true),
    SECURITY_MULTI_FACTOR_RECOVERY_CODES_N: int(5, 1, 20),
    SECURITY_MULTI_FACTOR_RECOVERY_CODES_LOW: int(2, 0, 20),
    SECURITY_ENCRYPTION_KEYS: z.string().optional(),
    SECURITY_PHONE_REGION_DEFAULT: z.string().length(2).optional().transform((v) => (v ?? "US").toUpperCase()),

    SECURITY_UNIFIED_SIGNIN: bool(true),
    SECURITY_US_ENABLED_METHODS: unifiedList(["password", "email", "authenticator", "sms"]),
    SECURITY_US_MFA_REQUIRED: unifiedList(["password", "email"]),
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
    SECURITY_WAN_ALLOW_AS_VERIFY: usageList(["first", "secondary"]),
    SECURITY_WAN_REGISTER_WITHIN: duration("30m"),
    SECURITY_WAN_SIGNIN_WITHIN: duration("60s"),

    MAIL_TRANSPORT: z.enum(["resend", "outbox"]).optional(),
    SMS_TRANSPORT: z.enum(["twilio", "outbox"]).optional(),
    TWILIO_ACCOUNT_SID: z.string().min(1).optional(),
    TWILIO_AUTH_TOKEN: z.string().min(1).optional(),
    TWILIO_FROM: z.string().min(1).optional(),
    TWILIO_BASE_URL: z.url().optional().transform((v) => (v ?? "https://api.twilio.com").replace(/\/+$/, "")),
    RESEND_API_KEY: z.string().min(1).optional(),
    RESEND_BASE_URL: z.url().optional(),
  })
  .superRefine((env, ctx) => {
    // `next build` runs with NODE_ENV=production but needs no runtime secrets.
    const production = env.NODE_ENV === "production" && env.NEXT_PHASE !== "phase-production-build";
    if (production && !env.AUTH_SECRET) {
      ctx.addIssue({ code: "custom", path: ["AUTH_SECRET"], message: "AUTH_SECRET is required in production (openssl rand -base64 32)" });
    }
    if (env.MAIL_TRANSPORT === "resend" && !env.RESEND_API_KEY) {
      ctx.addIssue({ code: "custom", path: ["RESEND_API_KEY"], message: "MAIL_TRANSPORT=resend needs RESEND_API_KEY" });
    }
    if (production && !env.RESEND_API_KEY && env.MAIL_TRANSPORT !== "outbox") {
      ctx.addIssue({
        code: "custom",
        path: ["RESEND_API_KEY"],
        message:
          "No mail transport in production: set RESEND_API_KEY (or MAIL_TRANSPORT=outbox for a staging/test deployment that reads mail at /dev/mailbox)",
      });
    }
    const smsTransport = env.SMS_TRANSPORT ?? (env.TWILIO_ACCOUNT_SID ? "twilio" : "outbox");
    if (smsTransport === "twilio" && !(env.TWILIO_ACCOUNT_SID && env.TWILIO_AUTH_TOKEN && env.TWILIO_FROM)) {
      ctx.addIssue({ code: "custom", path: ["TWILIO_ACCOUNT_SID"], message: "SMS through Twilio needs TWILIO_ACCOUNT_SID, TWILIO_AUTH_TOKEN and TWILIO_FROM" });
    }
    // Asking for sms explicitly in production without a way to send it is an error; by default
    // sms is simply not offered until Twilio is configured (see toConfig).
    const { methods, explicit } = env.SECURITY_TWO_FACTOR_ENABLED_METHODS;
    if (production && explicit && methods.includes("sms") && smsTransport === "outbox" && env.MAIL_TRANSPORT !== "outbox") {
      ctx.addIssue({
        code: "custom",
        path: ["SECURITY_TWO_FACTOR_ENABLED_METHODS"],
        message: "sms is enabled but no SMS transport is configured: set TWILIO_ACCOUNT_SID/TWILIO_AUTH_TOKEN/TWILIO_FROM or remove sms",
      });
    }
    if (env.SECURITY_ENCRYPTION_KEYS !== undefined && !/^\s*[A-Za-z0-9]{1,16}:[A-Za-z0-9+/_-]{43,44}=?\s*(,\s*[A-Za-z0-9]{1,16}:[A-Za-z0-9+/_-]{43,44}=?\s*)*$/.test(env.SECURITY_ENCRYPTION_KEYS)) {
      ctx.addIssue({
        code: "custom",
        path: ["SECURITY_ENCRYPTION_KEYS"],
        message: "expected id:base64key[,id:base64key…] with 32-byte keys, newest first (openssl rand -base64 32)",
      });
    }
    const webauthn = webauthnSettings(env);
    if (typeof webauthn === "string") ctx.addIssue({ code: "custom", path: ["WEBAUTHN_ORIGINS"], message: webauthn });
    if (!env.SECURITY_PASSWORD_REQUIRED && !(env.SECURITY_UNIFIED_SIGNIN || env.SECURITY_PASSWORDLESS)) {
      ctx.addIssue({ code: "custom", path: ["SECURITY_PASSWORD_REQUIRED"], message: "password-less accounts need SECURITY_UNIFIED_SIGNIN or SECURITY_PASSWORDLESS to sign in" });
    }
    if (env.SECURITY_USERNAME_MIN_LENGTH > env.SECURITY_USERNAME_MAX_LENGTH) {
      ctx.addIssue({ code: "custom", path: ["SECURITY_USERNAME_MIN_LENGTH"], message: "must not exceed SECURITY_USERNAME_MAX_LENGTH" });
    }
  });

export type SecurityConfig = ReturnType<typeof toConfig>;

function toConfig(env: z.output<typeof envSchema>) {
  const production = env.NODE_ENV === "production";
  return {
    production,
    appUrl: env.APP_URL,
    appName: env.SECURITY_APP_NAME,
    authSecret: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    /** How many X-Forwarded-For entries (from the right) to trust; 0 ignores the header. */
    trustProxy: env.TRUST_PROXY,
    secureCookies: env.APP_URL.startsWith("https://"),
    features: {
      registerable: env.SECURITY_REGISTERABLE,
      confirmable: env.SECURITY_CONFIRMABLE,
      recoverable: env.SECURITY_RECOVERABLE,
      changeable: env.SECURITY_CHANGEABLE,
      trackable: env.SECURITY_TRACKABLE,
    },
    loginWithoutConfirmation: env.SECURITY_LOGIN_WITHOUT_CONFIRMATION,
    genericResponses: env.SECURITY_RETURN_GENERIC_RESPONSES,
    username: {
      enabled: env.SECURITY_USERNAME_ENABLE,
      required: env.SECURITY_USERNAME_ENABLE && env.SECURITY_USERNAME_REQUIRED,
      minLength: env.SECURITY_USERNAME_MIN_LENGTH,
      maxLength: env.SECURITY_USERNAME_MAX_LENGTH,
    },
    emails: {
      sender: env.SECURITY_EMAIL_SENDER,
      sendRegister: env.SECURITY_SEND_REGISTER_EMAIL,
      sendPasswordChange: env.SECURITY_SEND_PASSWORD_CHANGE_EMAIL,
      sendPasswordResetNotice: env.SECURITY_SEND_PASSWORD_RESET_NOTICE_EMAIL,
    },
    /** Lifetimes, in seconds. */
    within: {
      confirmEmail: env.SECURITY_CONFIRM_EMAIL_WITHIN,
      resetPassword: env.SECURITY_RESET_PASSWORD_WITHIN,
    },
    freshness: { maxAge: env.SECURITY_FRESHNESS, grace: env.SECURITY_FRESHNESS_GRACE_PERIOD },
    session: { lifetime: env.SECURITY_SESSION_LIFETIME, rememberLifetime: env.SECURITY_REMEMBER_LIFETIME },
    password: {
      minLength: env.SECURITY_PASSWORD_LENGTH_MIN,
      complexityChecker: env.SECURITY_PASSWORD_COMPLEXITY_CHECKER,
      zxcvbnMinimumScore: env.SECURITY_ZXCVBN_MINIMUM_SCORE,
      checkBreached: env.SECURITY_PASSWORD_CHECK_BREACHED,
      breachedCount: env.SECURITY_PASSWORD_BREACHED_COUNT,
      hibpBaseUrl: env.SECURITY_HIBP_BASE_URL,
      hibpTimeoutMs: env.SECURITY_HIBP_TIMEOUT_MS,
    },
    views: { postLogin: env.SECURITY_POST_LOGIN_VIEW, postLogout: env.SECURITY_POST_LOGOUT_VIEW },
    rateLimitEnabled: env.SECURITY_RATE_LIMIT_ENABLED,
    adminRole: env.SECURITY_ADMIN_ROLE,
    twoFactor: {
      enabled: env.SECURITY_TWO_FACTOR,
      methods: offeredMethods(env),
      required: env.SECURITY_TWO_FACTOR_REQUIRED,
      requiredRoles: env.SECURITY_TWO_FACTOR_REQUIRED_ROLES,
      alwaysValidate: env.SECURITY_TWO_FACTOR_ALWAYS_VALIDATE,
      rememberDeviceFor: env.SECURITY_TWO_FACTOR_LOGIN_VALIDITY,
      validity: {
        authenticator: env.SECURITY_TWO_FACTOR_AUTHENTICATOR_VALIDITY,
        email: env.SECURITY_TWO_FACTOR_MAIL_VALIDITY,
        sms: env.SECURITY_TWO_FACTOR_SMS_VALIDITY,
      } satisfies Record<TwoFactorMethod, number>,
      setupWithin: env.SECURITY_TWO_FACTOR_SETUP_WITHIN,
      pendingLoginWithin: env.SECURITY_TWO_FACTOR_LOGIN_WITHIN,
      rescueByEmail: env.SECURITY_TWO_FACTOR_RESCUE_EMAIL,
      rescueMail: env.SECURITY_TWO_FACTOR_RESCUE_MAIL,
      totpIssuer: env.SECURITY_TOTP_ISSUER ?? env.SECURITY_APP_NAME,
    },
    recoveryCodes: {
      enabled: env.SECURITY_MULTI_FACTOR_RECOVERY_CODES,
      count: env.SECURITY_MULTI_FACTOR_RECOVERY_CODES_N,
      lowWarning: env.SECURITY_MULTI_FACTOR_RECOVERY_CODES_LOW,
    },
    unified: {
      enabled: env.SECURITY_UNIFIED_SIGNIN,
      /** Methods a passcode may match, in the order they are tried (password first). */
      methods: unifiedOffered(env),
      /** A sign-in by one of these still needs the second factor (SMS and authenticator codes are one). */
      mfaRequired: env.SECURITY_US_MFA_REQUIRED,
      /** How long an emailed or texted code (and the link beside it) works, in seconds. */
      codeValidity: env.SECURITY_US_TOKEN_VALIDITY,
      setupWithin: env.SECURITY_US_SETUP_WITHIN,
    },
    /** Registration without a password (SECURITY_PASSWORD_REQUIRED=false): such users sign in by code or link. */
    passwordRequired: env.SECURITY_PASSWORD_REQUIRED,
    magicLink: {
      enabled: env.SECURITY_PASSWORDLESS,
      within: env.SECURITY_LOGIN_WITHIN,
      /** The link only works in the browser that asked for it (a cookie set when asking). */
      sameBrowser: env.SECURITY_MAGIC_LINK_SAME_BROWSER,
    },
    webauthn: {
      enabled: env.SECURITY_WEBAUTHN,
      ...(webauthnSettings(env) as WebAuthnSettings),
      allowAsFirstFactor: env.SECURITY_WAN_ALLOW_AS_FIRST_FACTOR,
      /** A passkey with user verification is two factors in one (possession + PIN/biometric). */
      allowAsMultiFactor: env.SECURITY_WAN_ALLOW_AS_MULTI_FACTOR,
      allowAsVerify: env.SECURITY_WAN_ALLOW_AS_VERIFY,
      registerWithin: env.SECURITY_WAN_REGISTER_WITHIN,
      signInWithin: env.SECURITY_WAN_SIGNIN_WITHIN,
      nameMaxLength: 64,
    },
    encryptionKeys: env.SECURITY_ENCRYPTION_KEYS,
    phoneRegionDefault: env.SECURITY_PHONE_REGION_DEFAULT,
    sms: {
      transport: env.SMS_TRANSPORT ?? (env.TWILIO_ACCOUNT_SID ? "twilio" : "outbox"),
      twilio: {
        accountSid: env.TWILIO_ACCOUNT_SID,
        authToken: env.TWILIO_AUTH_TOKEN,
        from: env.TWILIO_FROM,
        baseUrl: env.TWILIO_BASE_URL,
      },
    },
    mail: {
      transport: env.MAIL_TRANSPORT ?? (env.RESEND_API_KEY ? "resend" : "outbox"),
      resendApiKey: env.RESEND_API_KEY,
      resendBaseUrl: env.RESEND_BASE_URL,
    },
  } as const;
}

/** Like two-factor, SMS is only offered in production once a transport can deliver it. */
function unifiedOffered(env: z.output<typeof envSchema>): UnifiedMethod[] {
  const production = env.NODE_ENV === "production";
  const smsTransport = env.SMS_TRANSPORT ?? (env.TWILIO_ACCOUNT_SID ? "twilio" : "outbox");
  const smsDeliverable = smsTransport === "twilio" || !production || env.MAIL_TRANSPORT === "outbox";
  return env.SECURITY_US_ENABLED_METHODS.filter((m) => m !== "sms" || smsDeliverable);
}

interface WebAuthnSettings {
  rpId: string;
  rpName: string;
  origins: string[];
}

/**
 * Relying party ID and accepted origins, from WEBAUTHN_* or derived from APP_URL. Returns an
 * error message when an origin is not on the RP ID's domain (browsers would refuse every ceremony).
 */
function webauthnSettings(env: z.output<typeof envSchema>): WebAuthnSettings | string {
  const appUrl = new URL(env.APP_URL);
  const rpId = (env.WEBAUTHN_RP_ID ?? appUrl.hostname).toLowerCase();
  const origins: string[] = [];
  for (const raw of (env.WEBAUTHN_ORIGINS ?? appUrl.origin).split(",").map((o) => o.trim()).filter(Boolean)) {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return `"${raw}" is not an origin (e.g. https://app.example.com)`;
    }
    if (url.origin !== raw.replace(/\/+$/, "")) return `"${raw}" is not an origin: no path, query or trailing parts`;
    if (url.hostname !== rpId && !url.hostname.endsWith(`.${rpId}`)) {
      return `origin ${url.origin} is not on the WebAuthn RP ID "${rpId}" (set WEBAUTHN_RP_ID to its domain)`;
    }
    origins.push(url.origin);
  }
  if (!origins.length) return "at least one origin is required";
  return { rpId, rpName: env.WEBAUTHN_RP_NAME ?? env.SECURITY_APP_NAME, origins };
}

/** In production the outbox cannot deliver texts, so sms is only offered once Twilio is configured. */
function offeredMethods(env: z.output<typeof envSchema>): TwoFactorMethod[] {
  const { methods } = env.SECURITY_TWO_FACTOR_ENABLED_METHODS;
  const production = env.NODE_ENV === "production";
  const smsTransport = env.SMS_TRANSPORT ?? (env.TWILIO_ACCOUNT_SID ? "twilio" : "outbox");
  const smsDeliverable = smsTransport === "twilio" || !production || env.MAIL_TRANSPORT === "outbox";
  return smsDeliverable ? methods : methods.filter((m) => m !== "sms");
}

export class ConfigError extends Error {
  override name = "ConfigError";
}

/** Builds the config from an environment; throws a ConfigError listing every bad variable. */
export function loadConfig(env: Record<string, string | undefined> = process.env): SecurityConfig {
  const blanksRemoved = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  const parsed = envSchema.safeParse(blanksRemoved);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  - ${i.path.join(".") || "env"}: ${i.message}`);
    throw new ConfigError(`Invalid Gatehouse configuration:\n${lines.join("\n")}`);
  }
  return toConfig(parsed.data);
}

let cached: SecurityConfig | undefined;

/** The process-wide config (read once). Tests may call `resetConfig()` after changing env. */
export function getConfig(): SecurityConfig {
  cached ??= loadConfig();
  return cached;
}

export function resetConfig(): void {
  cached = undefined;
}
