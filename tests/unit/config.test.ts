// Threat: a typo in the environment silently weakens security, or a production deploy runs with
// the dev secret, no mail, over http, on PGlite or with the outbox public. Guarantee: bad settings
// stop start-up naming the variable (and the explicit way to allow it); safe defaults.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@/lib/security/config";

const PRODUCTION_OK = {
  NODE_ENV: "production",
  APP_URL: "https://app.example.com",
  DATABASE_URL: "postgres://app@db.example.com/app",
  AUTH_SECRET: "x".repeat(32),
  RESEND_API_KEY: "re_test_key",
};

function errorOf(env: Record<string, string | undefined>): ConfigError {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return error as ConfigError;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

describe("loadConfig", () => {
  it.each([
    ["SECURITY_FRESHNESS", "abc"],
    ["SECURITY_CONFIRM_EMAIL_WITHIN", "2 weeks"],
    ["SECURITY_PASSWORD_LENGTH_MIN", "3"],
    ["SECURITY_PASSWORD_LENGTH_MIN", "200"],
    ["SECURITY_PASSWORD_LENGTH_MIN", "eight"],
    ["SECURITY_RETURN_GENERIC_RESPONSES", "maybe"],
    ["SECURITY_PASSWORD_CHECK_BREACHED", "always"],
    ["APP_URL", "ftp://example.com"],
    ["AUTH_SECRET", "too-short"],
  ])("refuses %s=%s, naming the variable", (name, value) => {
    const error = errorOf({ [name]: value });
    expect(error.message).toContain(name);
  });

  it("lists every bad variable at once", () => {
    const error = errorOf({ SECURITY_FRESHNESS: "abc", SECURITY_PASSWORD_LENGTH_MIN: "3" });
    expect(error.message).toContain("SECURITY_FRESHNESS");
    expect(error.message).toContain("SECURITY_PASSWORD_LENGTH_MIN");
  });

  it("accepts a complete production environment", () => {
    const config = loadConfig(PRODUCTION_OK);
    expect(config.production).toBe(true);
    expect(config.authSecret).toBe(PRODUCTION_OK.AUTH_SECRET);
    expect(config.mail.transport).toBe("resend");
  });

  it("refuses production without AUTH_SECRET", () => {
    const error = errorOf({ ...PRODUCTION_OK, AUTH_SECRET: undefined });
    expect(error.message).toContain("AUTH_SECRET");
    expect(error.message).not.toContain("RESEND_API_KEY");
    // A blank value is the same as none.
    expect(errorOf({ ...PRODUCTION_OK, AUTH_SECRET: "" }).message).toContain("AUTH_SECRET");
  });

  it("refuses production with no mail transport, unless the outbox is chosen explicitly", () => {
    const error = errorOf({ ...PRODUCTION_OK, RESEND_API_KEY: undefined });
    expect(error.message).toContain("RESEND_API_KEY");
    expect(error.message).not.toContain("AUTH_SECRET");
    expect(loadConfig({ ...PRODUCTION_OK, RESEND_API_KEY: undefined, MAIL_TRANSPORT: "outbox" }).mail.transport).toBe("outbox");
  });

  it("refuses MAIL_TRANSPORT=resend without a key, in any environment", () => {
    expect(errorOf({ MAIL_TRANSPORT: "resend" }).message).toContain("RESEND_API_KEY");
  });

  it("defaults follow the reference (and the starter's safer choices)", () => {
    const config = loadConfig({});
    expect(config.production).toBe(false);
    expect(config.within.confirmEmail).toBe(2 * 24 * 3600);
    expect(config.within.resetPassword).toBe(24 * 3600);
    expect(config.freshness).toEqual({ maxAge: 24 * 3600, grace: 3600 });
    expect(config.genericResponses).toBe(true);
    expect(config.password.minLength).toBe(8);
    expect(config.password.checkBreached).toBe("false");
    expect(config.loginWithoutConfirmation).toBe(false);
    // Changing and recovering a username need usernames, which are off by default (as in Flask-Security).
    expect(config.features).toEqual({
      registerable: true,
      confirmable: true,
      recoverable: true,
      changeable: true,
      trackable: true,
      changeEmail: true,
      changeUsername: false,
      usernameRecovery: false,
      deleteAccount: true,
      newDeviceAlert: true,
    });
    expect(config.retention.knownDevices).toBe(400 * 86_400);
    expect(config.keepEventsOfDeletedUsers).toBe(false);
    expect(loadConfig({ SECURITY_USERNAME_ENABLE: "true" }).features).toMatchObject({ changeUsername: true, usernameRecovery: true });
    expect(config.rateLimitEnabled).toBe(true);
    expect(config.mail.transport).toBe("outbox");
  });

  it("reads the settings it validates", () => {
    const config = loadConfig({
      SECURITY_FRESHNESS: "10m",
      SECURITY_FRESHNESS_GRACE_PERIOD: "30s",
      SECURITY_CONFIRM_EMAIL_WITHIN: "3d",
      SECURITY_RESET_PASSWORD_WITHIN: "2h",
      SECURITY_CHANGE_EMAIL_WITHIN: "30m",
      SECURITY_RETURN_GENERIC_RESPONSES: "false",
      SECURITY_PASSWORD_LENGTH_MIN: "12",
      APP_URL: "https://example.com/",
    });
    expect(config.freshness).toEqual({ maxAge: 600, grace: 30 });
    expect(config.within).toEqual({ confirmEmail: 3 * 86_400, resetPassword: 7200, changeEmail: 1800 });
    expect(config.genericResponses).toBe(false);
    expect(config.password.minLength).toBe(12);
    expect(config.appUrl).toBe("https://example.com");
    expect(config.secureCookies).toBe(true);
  });
});

describe("two-factor methods and SMS delivery", () => {
  it("offers sms in production only once Twilio is configured", () => {
    expect(loadConfig(PRODUCTION_OK).twoFactor.methods).toEqual(["authenticator", "email"]);
    const twilio = { TWILIO_ACCOUNT_SID: "AC1", TWILIO_AUTH_TOKEN: "tok", TWILIO_FROM: "+15005550006" };
    expect(loadConfig({ ...PRODUCTION_OK, ...twilio }).twoFactor.methods).toEqual(["authenticator", "email", "sms"]);
    expect(loadConfig({}).twoFactor.methods).toEqual(["authenticator", "email", "sms"]);
  });

  it("refuses sms asked for explicitly in production without a transport, and half a Twilio setup", () => {
    expect(errorOf({ ...PRODUCTION_OK, SECURITY_TWO_FACTOR_ENABLED_METHODS: "email,sms" }).message).toContain("SECURITY_TWO_FACTOR_ENABLED_METHODS");
    expect(errorOf({ TWILIO_ACCOUNT_SID: "AC1" }).message).toContain("TWILIO_AUTH_TOKEN");
    expect(errorOf({ SECURITY_TWO_FACTOR_ENABLED_METHODS: "email,carrier-pigeon" }).message).toContain("carrier-pigeon");
  });

  it("validates encryption keys", () => {
    expect(errorOf({ SECURITY_ENCRYPTION_KEYS: "k1:short" }).message).toContain("SECURITY_ENCRYPTION_KEYS");
    expect(loadConfig({ SECURITY_ENCRYPTION_KEYS: `k2:${Buffer.alloc(32, 7).toString("base64")}` }).encryptionKeys).toMatch(/^k2:/);
  });
});

describe("production: an http:// APP_URL", () => {
  it("is refused in production, naming APP_URL and the way to allow it", () => {
    const { message } = errorOf({ ...PRODUCTION_OK, APP_URL: "http://app.example.com" });
    expect(message).toContain("APP_URL");
    expect(message).toContain("SECURITY_ALLOW_INSECURE_APP_URL");
    // Unset means the http://localhost default: refused too.
    expect(errorOf({ ...PRODUCTION_OK, APP_URL: undefined }).message).toContain("http://localhost:3000");
  });
  it("is allowed in production only when SECURITY_ALLOW_INSECURE_APP_URL=true, and always in development", () => {
    expect(loadConfig({ ...PRODUCTION_OK, APP_URL: "http://10.0.0.5:3000", SECURITY_ALLOW_INSECURE_APP_URL: "true" }).appUrl).toBe("http://10.0.0.5:3000");
    expect(errorOf({ ...PRODUCTION_OK, APP_URL: "http://10.0.0.5:3000", SECURITY_ALLOW_INSECURE_APP_URL: "false" }).message).toContain("APP_URL");
    expect(loadConfig({ APP_URL: "http://localhost:3000" }).production).toBe(false);
  });
});

describe("production: PGlite", () => {
  it("is refused without DATABASE_URL, naming it and the way to allow it", () => {
    const { message } = errorOf({ ...PRODUCTION_OK, DATABASE_URL: undefined });
    expect(message).toContain("DATABASE_URL");
    expect(message).toContain("SECURITY_ALLOW_PGLITE_IN_PRODUCTION");
    expect(message).not.toContain("APP_URL");
    expect(errorOf({ ...PRODUCTION_OK, DATABASE_URL: "" }).message).toContain("DATABASE_URL");
  });
  it("is allowed with SECURITY_ALLOW_PGLITE_IN_PRODUCTION=true, and in development", () => {
    expect(loadConfig({ ...PRODUCTION_OK, DATABASE_URL: undefined, SECURITY_ALLOW_PGLITE_IN_PRODUCTION: "true" }).production).toBe(true);
    expect(loadConfig({}).production).toBe(false);
  });
  it("`next build` (production, no runtime settings) is not refused", () => {
    expect(loadConfig({ NODE_ENV: "production", NEXT_PHASE: "phase-production-build" }).production).toBe(true);
  });
});

describe("production: /dev/mailbox", () => {
  it("is closed in production even with MAIL_TRANSPORT=outbox", () => {
    const config = loadConfig({ ...PRODUCTION_OK, RESEND_API_KEY: undefined, MAIL_TRANSPORT: "outbox" });
    expect(config.mail.transport).toBe("outbox");
    expect(config.devMailbox.enabled).toBe(false);
  });
  it("opens in production only when named (SECURITY_DEV_MAILBOX), and then gated", () => {
    const config = loadConfig({ ...PRODUCTION_OK, MAIL_TRANSPORT: "outbox", SECURITY_DEV_MAILBOX: "true", SECURITY_DEV_MAILBOX_TOKEN: "t".repeat(32) });
    expect(config.devMailbox).toEqual({ enabled: true, gated: true, token: "t".repeat(32) });
  });
  it("refuses a short bearer token", () => {
    expect(errorOf({ ...PRODUCTION_OK, SECURITY_DEV_MAILBOX: "true", SECURITY_DEV_MAILBOX_TOKEN: "short" }).message).toContain("SECURITY_DEV_MAILBOX_TOKEN");
  });
  it("stays open in development while mail goes to the outbox, as before", () => {
    expect(loadConfig({}).devMailbox).toMatchObject({ enabled: true, gated: false });
    expect(loadConfig({ RESEND_API_KEY: "re_key" }).devMailbox.enabled).toBe(false);
  });
});
