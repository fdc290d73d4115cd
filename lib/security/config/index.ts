/**
 * Every security setting in one typed object, read from the environment once and validated at
 * start-up (instrumentation.ts). Names mirror Flask-Security's `SECURITY_*` settings; defaults
 * follow its documentation except where docs/decisions says otherwise (generic responses on,
 * every feature of this starter on).
 */
// The variables and their checks are in env.ts, values computed from several in derived.ts.
import { oauthProviders } from "./env-oauth";
import { offeredMethods, smsTransportOf, unifiedOffered, webauthnSettings, type WebAuthnSettings } from "./derived";
import { envSchema, type Env } from "./env";
import { viewSettingsOf } from "./env-views";
import type { PasskeyUsage, TwoFactorMethod } from "./values";

export type { CodeMethod, PasskeyUsage, TwoFactorMethod, UnifiedMethod } from "./values";

const DEV_AUTH_SECRET = "gatehouse-development-secret-do-not-use-in-production";

export type SecurityConfig = ReturnType<typeof toConfig>;

function toConfig(env: Env) {
  const production = env.NODE_ENV === "production";
  const mailTransport = env.MAIL_TRANSPORT ?? (env.RESEND_API_KEY ? "resend" : "outbox");
  return {
    production,
    appUrl: env.APP_URL,
    appName: env.SECURITY_APP_NAME,
    authSecret: env.AUTH_SECRET ?? DEV_AUTH_SECRET,
    /**
     * How many X-Forwarded-For entries (from the right) to trust; 0 ignores the header and uses
     * the socket address. Default 0, or 1 on Vercel, whose edge writes the header.
     */
    trustProxy: env.TRUST_PROXY ?? (env.VERCEL === "1" ? 1 : 0),
    secureCookies: env.APP_URL.startsWith("https://"),
    /** Strict-Transport-Security on responses (decided at run time, proxy.ts). */
    hsts: production && env.APP_URL.startsWith("https://"),
    features: {
      registerable: env.SECURITY_REGISTERABLE,
      confirmable: env.SECURITY_CONFIRMABLE,
      recoverable: env.SECURITY_RECOVERABLE,
      changeable: env.SECURITY_CHANGEABLE,
      trackable: env.SECURITY_TRACKABLE,
      changeEmail: env.SECURITY_CHANGE_EMAIL,
      /** Changing and recovering a username only mean something when usernames are enabled. */
      changeUsername: env.SECURITY_USERNAME_ENABLE && env.SECURITY_CHANGE_USERNAME,
      usernameRecovery: env.SECURITY_USERNAME_ENABLE && env.SECURITY_USERNAME_RECOVERY,
      deleteAccount: env.SECURITY_DELETE_ACCOUNT,
      newDeviceAlert: env.SECURITY_NEW_DEVICE_ALERT,
    },
    /** What deleting an account does with its activity log: delete it (default) or keep it anonymised. */
    keepEventsOfDeletedUsers: env.SECURITY_KEEP_EVENTS_OF_DELETED_USERS,
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
      sendUsernameChange: env.SECURITY_SEND_USERNAME_CHANGE_EMAIL,
    },
    /** Lifetimes, in seconds. */
    within: {
      confirmEmail: env.SECURITY_CONFIRM_EMAIL_WITHIN,
      resetPassword: env.SECURITY_RESET_PASSWORD_WITHIN,
      changeEmail: env.SECURITY_CHANGE_EMAIL_WITHIN,
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
    ...viewSettingsOf(env),
    rateLimitEnabled: env.SECURITY_RATE_LIMIT_ENABLED,
    adminRole: env.SECURITY_ADMIN_ROLE,
    /** What ensureAdminRole() keeps on the admin role at every start (decision 053): a permission left out can be taken away for good. */
    adminRolePermissions: env.SECURITY_ADMIN_ROLE_PERMISSIONS.items,
    /** An administrator's "view as" session (decision 042), in seconds. */
    impersonationLifetime: env.SECURITY_IMPERSONATION_LIFETIME,
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
      mfaRequired: env.SECURITY_US_MFA_REQUIRED.items,
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
      allowAsVerify: env.SECURITY_WAN_ALLOW_AS_VERIFY.items.filter((u): u is PasskeyUsage => u !== "none"),
      /** A typed identity narrows a passkey sign-in to that account's passkeys (allowCredentials; decision 050). */
      allowUserHints: env.SECURITY_WAN_ALLOW_USER_HINTS,
      /** User verification asked of a re-verifying passkey (Flask-Security: "discouraged", the session already proves who). */
      verifyUserVerification: env.SECURITY_WAN_VERIFY_USER_VERIFICATION,
      registerWithin: env.SECURITY_WAN_REGISTER_WITHIN,
      signInWithin: env.SECURITY_WAN_SIGNIN_WITHIN,
      nameMaxLength: 64,
    },
    oauth: {
      /** Configured providers (AUTH_GITHUB_*, AUTH_GOOGLE_*, AUTH_OIDC_*), in button order. */
      providers: oauthProviders(env),
      allowRegister: env.SECURITY_OAUTH_ALLOW_REGISTER,
      linkByVerifiedEmail: env.SECURITY_OAUTH_LINK_BY_VERIFIED_EMAIL,
    },
    encryptionKeys: env.SECURITY_ENCRYPTION_KEYS,
    phoneRegionDefault: env.SECURITY_PHONE_REGION_DEFAULT,
    sms: {
      transport: smsTransportOf(env),
      limitPerNumber: env.SECURITY_SMS_LIMIT_PER_NUMBER,
      limitGlobal: env.SECURITY_SMS_LIMIT_GLOBAL,
      twilio: {
        accountSid: env.TWILIO_ACCOUNT_SID,
        authToken: env.TWILIO_AUTH_TOKEN,
        from: env.TWILIO_FROM,
        baseUrl: env.TWILIO_BASE_URL,
      },
    },
    outbox: { giveUpAfter: env.SECURITY_OUTBOX_GIVE_UP_AFTER, cronSecret: env.CRON_SECRET },
    /** How long housekeeping keeps rows past their use, in seconds; `securityEvents: null` keeps them all. */
    retention: { outboxSent: env.SECURITY_OUTBOX_RETENTION, securityEvents: env.SECURITY_EVENT_RETENTION, knownDevices: env.SECURITY_KNOWN_DEVICE_RETENTION },
    /**
     * /dev/mailbox: open in development while mail goes to the outbox; in production only when a
     * staging deployment names it (SECURITY_DEV_MAILBOX), and then for admins or the bearer token.
     */
    devMailbox: {
      enabled: production ? env.SECURITY_DEV_MAILBOX : mailTransport === "outbox",
      gated: production,
      token: env.SECURITY_DEV_MAILBOX_TOKEN,
    },
    api: {
      token: {
        maxAge: env.SECURITY_TOKEN_MAX_AGE,
        /** Lower-cased: Headers.get() is case-insensitive, and so are these comparisons. */
        header: env.SECURITY_TOKEN_AUTHENTICATION_HEADER,
        queryKey: env.SECURITY_TOKEN_ALLOW_QUERY_STRING ? env.SECURITY_TOKEN_AUTHENTICATION_KEY : null,
        separateUniquifier: env.SECURITY_TOKEN_UNIQUIFIER,
        freshness: env.SECURITY_FRESHNESS_ALLOW_AUTH_TOKEN,
      },
      refresh: {
        enabled: env.SECURITY_REFRESH_TOKEN,
        maxAge: env.SECURITY_REFRESH_TOKEN_MAX_AGE,
        maxIdle: Math.min(env.SECURITY_REFRESH_TOKEN_MAX_IDLE, env.SECURITY_REFRESH_TOKEN_MAX_AGE),
        /** The cookie's name in cookie mode, null when the token travels in the JSON body. */
        cookie: env.SECURITY_REFRESH_TOKEN_COOKIE ? env.SECURITY_REFRESH_TOKEN_COOKIE_NAME : null,
      },
      basic: { enabled: env.SECURITY_HTTP_BASIC_AUTH, realm: env.SECURITY_HTTP_AUTH_REALM },
      spa: {
        enabled: env.SECURITY_REDIRECT_BEHAVIOR === "spa",
        host: env.SECURITY_REDIRECT_HOST ?? null,
        /** A good confirmation link lands on SECURITY_CONFIRM_VIEW, which confirms by POST (no GET confirms). */
        confirmView: env.SECURITY_CONFIRM_VIEW !== undefined,
        // Unset views fall back to the pages that show the same thing.
        views: {
          confirm: env.SECURITY_CONFIRM_VIEW ?? "/confirm",
          postConfirm: env.SECURITY_POST_CONFIRM_VIEW ?? "/login",
          confirmError: env.SECURITY_CONFIRM_ERROR_VIEW ?? "/confirm",
          reset: env.SECURITY_RESET_VIEW ?? "/reset-password",
          resetError: env.SECURITY_RESET_ERROR_VIEW ?? "/forgot-password",
          loginError: env.SECURITY_LOGIN_ERROR_VIEW ?? "/login",
          postLogin: env.SECURITY_POST_LOGIN_VIEW,
          postOAuthLogin: env.SECURITY_POST_OAUTH_LOGIN_VIEW ?? env.SECURITY_POST_LOGIN_VIEW,
        },
      },
      csrf: {
        headers: [...new Set(["x-csrf-token", "x-csrftoken", env.SECURITY_CSRF_HEADER])],
        ignoreUnauthenticated: env.SECURITY_CSRF_IGNORE_UNAUTH_ENDPOINTS,
        cookieName: env.SECURITY_CSRF_COOKIE_NAME ?? null,
      },
    },
    mail: {
      transport: mailTransport,
      resendApiKey: env.RESEND_API_KEY,
      resendBaseUrl: env.RESEND_BASE_URL,
    },
  } as const;
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
