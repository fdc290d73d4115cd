// Guarantee: every response carries the security headers (CSP with a per-request nonce and
// frame-ancestors 'none', nosniff, referrer policy), and authenticated pages are never cached.
import { expect, newSignedInUser, test } from "./support/fixtures";

test("security headers on public pages", async ({ request }) => {
  const first = await request.get("/login");
  const headers = first.headers();
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
  const second = await request.get("/login");
  expect(second.headers()["content-security-policy"]).not.toBe(headers["content-security-policy"]);
});

test("authenticated pages are private and not stored", async ({ page }) => {
  await newSignedInUser(page);
  const response = await page.goto("/account");
  const cacheControl = response?.headers()["cache-control"] ?? "";
  expect(cacheControl).toContain("private");
  expect(cacheControl).toContain("no-store");
});

test("logout is POST-only by default (SECURITY_LOGOUT_METHODS): a GET is 405 and signs no one out", async ({ page }) => {
  await newSignedInUser(page);
  const response = await page.goto("/logout");
  expect(response?.status()).toBe(405);
  expect(response?.headers()["allow"]).toBe("POST");
  await page.goto("/account");
  await expect(page).toHaveURL(/\/account$/);
});
