// Threat: an attacker links to /login?next=<their site>; after signing in, the victim lands on a
// look-alike page (open redirect, OWASP ASVS 5.1.5). Every trick in the reference's notes is refused.
import { describe, expect, it } from "vitest";
import { safeRedirectPath } from "@/lib/security/core/redirects";

describe("safeRedirectPath", () => {
  it.each(["/account", "/account/password?tab=1", "/admin/users?page=2#top", "/a%20b"])("keeps the same-origin path %s", (next) => {
    expect(safeRedirectPath(next)).toBe(next);
  });

  it.each([
    "https://evil.example/",
    "http://localhost:3000.evil.example/",
    "//evil.example",
    "///evil.example",
    "/////evil.example",
    "/\\evil.example",
    "\\\\evil.example",
    "/%5Cevil.example",
    "/%5cevil.example",
    "/%2F%2Fevil.example",
    "/%252F%252Fevil.example",
    "javascript:alert(1)",
    "JaVaScRiPt:alert(1)",
    "data:text/html,hi",
    "evil.example",
    "/\tevil",
    "/\n/evil.example",
    " /account",
    "",
    "/%E0%A4%A",
    "/" + "a".repeat(5000),
    // Dot segments resolved after the checks would leave a scheme-relative "//evil.com".
    "/.//evil.com",
    "/%2e//evil.com",
    "/%2E%2E//evil.com",
    "/a/..//evil.com",
    "/a/../..//evil.com",
    "/./\\evil.com",
  ])("refuses %j", (next) => {
    expect(safeRedirectPath(next)).toBeNull();
  });

  it("refuses non-strings", () => {
    expect(safeRedirectPath(undefined)).toBeNull();
    expect(safeRedirectPath(["/account"])).toBeNull();
    expect(safeRedirectPath({ toString: () => "/account" })).toBeNull();
  });

  it("is idempotent and never scheme-relative, for any mix of dots, slashes and encodings", () => {
    const parts = ["/", "//", ".", "..", "%2e", "%2E%2e", "%2f", "\\", "a", "evil.com", "?x=//y", "#//z", "%25"];
    let seed = 7;
    const pick = () => parts[(seed = (seed * 1103515245 + 12345) % 2 ** 31) % parts.length]!;
    for (let i = 0; i < 5000; i++) {
      const input = "/" + Array.from({ length: 1 + (i % 6) }, pick).join("");
      const once = safeRedirectPath(input);
      if (once === null) continue;
      expect(once, input).not.toMatch(/^\/[/\\]/);
      expect(safeRedirectPath(once), input).toBe(once);
    }
  });
});
