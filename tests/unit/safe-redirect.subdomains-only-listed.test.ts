// Threat: SECURITY_REDIRECT_ALLOW_SUBDOMAINS opens `next` to other hosts; a URL that looks like one
// of ours but resolves elsewhere (userinfo, backslashes, encoded dots, look-alikes) is an open redirect.
import { afterEach, describe, expect, it } from "vitest";
import { resetConfig } from "@/lib/security/config";
import { redirectHostSources, safeRedirectTarget } from "@/lib/security/core/redirects";

const SAVED = { ...process.env };

function configure(vars: Record<string, string>): void {
  Object.assign(process.env, vars);
  resetConfig();
}

afterEach(() => {
  for (const key of Object.keys(process.env)) if (!(key in SAVED)) delete process.env[key];
  Object.assign(process.env, SAVED);
  resetConfig();
});

const LISTED = {
  APP_URL: "http://www.example.com",
  SECURITY_REDIRECT_ALLOW_SUBDOMAINS: "true",
  SECURITY_REDIRECT_BASE_DOMAIN: "example.com",
  SECURITY_REDIRECT_ALLOWED_SUBDOMAINS: "app, admin.eu, .",
};

describe("safeRedirectTarget with subdomains allowed", () => {
  it.each([
    "https://app.example.com/dashboard?x=1#top",
    "http://app.example.com:8443/",
    "https://admin.eu.example.com/",
    "https://example.com/",
    "https://APP.Example.COM/a",
  ])("keeps %s, a listed host", (next) => {
    configure(LISTED);
    expect(safeRedirectTarget(next)).toBe(new URL(next).href);
  });

  it("still keeps same-origin paths as paths", () => {
    configure(LISTED);
    expect(safeRedirectTarget("/account")).toBe("/account");
  });

  it.each([
    // Not listed, or not under the base domain at all.
    "https://other.example.com/",
    "https://eu.example.com/",
    "https://evil.example.com.attacker/",
    "https://app.example.com.attacker/",
    "https://appexample.com/",
    "https://example.com.evil/",
    "https://evil.com/?https://app.example.com",
    // Userinfo: the host is what follows "@".
    "https://app.example.com@evil.com/",
    "https://app.example.com:pw@evil.com/",
    "https://user@app.example.com/",
    // Backslashes, which browsers read as slashes.
    "https://evil.com\\@app.example.com/",
    "https:\\\\app.example.com/",
    "https://app.example.com\\.evil.com/",
    // Encoded dots and slashes, full-width dots, a trailing dot.
    "https://app%2eexample.com/",
    "https://app.example%2ecom/",
    "https://evil.com%2f@app.example.com/",
    "https://app\uff0eexample.com/",
    "https://app.example.com./",
    // IDN look-alikes: Cyrillic "а", and the punycode of one written out.
    "https://\u0430pp.example.com/",
    "https://xn--pp-8cd.example.com/",
    // Scheme-relative, other schemes, whitespace and control characters.
    "//app.example.com/",
    "//evil",
    "///evil.com",
    "javascript://app.example.com/%0aalert(1)",
    "ftp://app.example.com/",
    " https://app.example.com/",
    "https://app.example.com/\n",
    "https://app.exa\tmple.com/",
    // An IPv4 address in disguise.
    "https://0x7f.1/",
    "",
  ])("refuses %j", (next) => {
    configure(LISTED);
    expect(safeRedirectTarget(next)).toBeNull();
  });

  it("allows any subdomain of the base (and the base) when none are listed", () => {
    configure({ ...LISTED, SECURITY_REDIRECT_ALLOWED_SUBDOMAINS: "" });
    expect(safeRedirectTarget("https://anything.example.com/x")).toBe("https://anything.example.com/x");
    expect(safeRedirectTarget("https://example.com/")).toBe("https://example.com/");
    expect(safeRedirectTarget("https://example.com.evil/")).toBeNull();
    expect(safeRedirectTarget("https://notexample.com/")).toBeNull();
    expect(redirectHostSources()).toEqual(["example.com:*", "*.example.com:*"]);
  });

  it("defaults the base domain to APP_URL's host", () => {
    configure({ APP_URL: "http://example.org", SECURITY_REDIRECT_ALLOW_SUBDOMAINS: "true" });
    expect(safeRedirectTarget("https://shop.example.org/")).toBe("https://shop.example.org/");
    expect(safeRedirectTarget("https://example.com/")).toBeNull();
  });

  it("refuses plain http in production", () => {
    configure({
      ...LISTED,
      NODE_ENV: "production",
      APP_URL: "https://www.example.com",
      AUTH_SECRET: "x".repeat(32),
      DATABASE_URL: "postgres://app@db.example.com/app",
      RESEND_API_KEY: "re_test",
    });
    expect(safeRedirectTarget("http://app.example.com/")).toBeNull();
    expect(safeRedirectTarget("https://app.example.com/")).toBe("https://app.example.com/");
  });

  it("refuses every other host when the switch is off (the default)", () => {
    configure({ ...LISTED, SECURITY_REDIRECT_ALLOW_SUBDOMAINS: "false" });
    expect(safeRedirectTarget("https://app.example.com/")).toBeNull();
    expect(redirectHostSources()).toEqual([]);
  });
});
