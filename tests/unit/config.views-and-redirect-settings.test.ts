// Threat: a view set to another host (or a path the browser reads as one) is an open redirect that
// every user goes through; a typo in a toggle silently keeps the default. Start-up refuses both.
import { describe, expect, it } from "vitest";
import { ConfigError, loadConfig } from "@/lib/security/config";

function refusal(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (error) {
    expect(error).toBeInstanceOf(ConfigError);
    return (error as ConfigError).message;
  }
  throw new Error(`loadConfig accepted ${JSON.stringify(env)}`);
}

const VIEWS = [
  "SECURITY_POST_LOGIN_VIEW",
  "SECURITY_POST_LOGOUT_VIEW",
  "SECURITY_POST_REGISTER_VIEW",
  "SECURITY_POST_RESET_VIEW",
  "SECURITY_POST_CHANGE_VIEW",
  "SECURITY_UNAUTHORIZED_VIEW",
  "SECURITY_POST_CHANGE_EMAIL_VIEW",
  "SECURITY_TWO_FACTOR_POST_SETUP_VIEW",
  "SECURITY_POST_CONFIRM_VIEW",
  "SECURITY_REQUIRES_CONFIRMATION_ERROR_VIEW",
];

describe("the views are paths of this site", () => {
  it.each(
    VIEWS.flatMap((name) =>
      ["https://evil.example/", "//evil.example", "/\\evil.example", "/%2F%2Fevil", "/.//evil.example", "/a/..//evil", "account", "/a b"].map((v) => [name, v]),
    ),
  )("refuses %s=%j, naming it", (name, value) => {
    expect(refusal({ [name]: value })).toContain(name);
  });

  it("keeps a path with a query and the documented fallbacks", () => {
    const config = loadConfig({ SECURITY_POST_RESET_VIEW: "/welcome-back?from=reset", SECURITY_UNAUTHORIZED_VIEW: "/no-access" });
    expect(config.views).toMatchObject({ postReset: "/welcome-back?from=reset", unauthorized: "/no-access", postChange: "/account", postRegister: null });
    expect(loadConfig({}).views).toMatchObject({
      postLogin: "/account",
      postLogout: "/",
      postReset: "/login",
      unauthorized: null,
      requiresConfirmationError: null,
    });
  });
});

it("SECURITY_POST_CONFIRM_VIEW may be an absolute URL only for the single-page app", () => {
  expect(loadConfig({ SECURITY_REDIRECT_BEHAVIOR: "spa", SECURITY_POST_CONFIRM_VIEW: "https://spa.example.com/confirmed" }).views.postConfirm).toBe("/login");
  expect(loadConfig({ SECURITY_POST_CONFIRM_VIEW: "/confirmed" }).views.postConfirm).toBe("/confirmed");
});

describe("toggles and the redirect rule", () => {
  it.each([
    ["SECURITY_LOGOUT_METHODS", "DELETE"],
    ["SECURITY_LOGOUT_METHODS", "GET,PUT"],
    ["SECURITY_LOGOUT_METHODS", ","],
    ["SECURITY_DEFAULT_REMEMBER_ME", "sometimes"],
    ["SECURITY_PASSWORD_CONFIRM_REQUIRED", "2"],
    ["SECURITY_EMAIL_CHECK_DELIVERABILITY", "mx"],
    ["SECURITY_REDIRECT_ALLOW_SUBDOMAINS", "all"],
    ["SECURITY_REDIRECT_BASE_DOMAIN", "https://example.com"],
    ["SECURITY_REDIRECT_BASE_DOMAIN", "exa mple.com"],
    ["SECURITY_REDIRECT_BASE_DOMAIN", "com"],
    ["SECURITY_REDIRECT_BASE_DOMAIN", "\u0435xample.com"],
    ["SECURITY_REDIRECT_ALLOWED_SUBDOMAINS", "app,*.evil"],
    ["SECURITY_REDIRECT_ALLOWED_SUBDOMAINS", "app/x"],
  ])("refuses %s=%j, naming it", (name, value) => {
    expect(refusal({ [name]: value })).toContain(name);
  });

  it("reads the reference's defaults", () => {
    const config = loadConfig({});
    expect(config.forms).toEqual({ defaultRememberMe: false, passwordConfirmRequired: true, emailCheckDeliverability: false, logoutMethods: ["POST"] });
    expect(config.redirects.subdomains).toBeNull();
  });

  it("reads set values", () => {
    const config = loadConfig({
      SECURITY_LOGOUT_METHODS: "get, post",
      SECURITY_DEFAULT_REMEMBER_ME: "true",
      SECURITY_PASSWORD_CONFIRM_REQUIRED: "false",
      SECURITY_REDIRECT_ALLOW_SUBDOMAINS: "true",
      SECURITY_REDIRECT_BASE_DOMAIN: "Example.COM.",
      SECURITY_REDIRECT_ALLOWED_SUBDOMAINS: "App, .",
    });
    expect(config.forms).toEqual({ defaultRememberMe: true, passwordConfirmRequired: false, emailCheckDeliverability: false, logoutMethods: ["GET", "POST"] });
    expect(config.redirects.subdomains).toEqual({ baseDomain: "example.com", allowed: ["app", "."], httpsOnly: false });
  });
});
