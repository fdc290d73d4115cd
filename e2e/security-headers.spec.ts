// Guarantee: every response carries the security headers (CSP with a per-request nonce on a rendered
// page, the build's hashes on a prerendered one — e2e/prerendered-pages.spec.ts — and
// frame-ancestors 'none', nosniff, referrer policy), and authenticated pages are never cached.
import { expect, newSignedInUser, test } from "./support/fixtures";

test("security headers on public pages", async ({ request }) => {
  // A public page rendered per request (a `next` keeps /login from the prerendered cache).
  const first = await request.get("/login?next=/account");
  const headers = first.headers();
  expect(headers["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+'( 'sha256-[A-Za-z0-9+/]+=*')* 'strict-dynamic'/);
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["x-frame-options"]).toBe("DENY");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["x-powered-by"]).toBeUndefined();
  const second = await request.get("/login?next=/account");
  expect(second.headers()["content-security-policy"]).not.toBe(headers["content-security-policy"]);
  // The prerendered /login carries the same headers around its hash-only policy.
  const prerendered = (await request.get("/login")).headers();
  for (const name of ["x-content-type-options", "x-frame-options", "referrer-policy"]) expect(prerendered[name]).toBe(headers[name]);
  expect(prerendered["content-security-policy"]).toMatch(/frame-ancestors 'none'/);
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
