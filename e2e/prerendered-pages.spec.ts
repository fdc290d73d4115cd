// Guarantee: the anonymous pages (/login, /register…) are served from the prerendered cache, not
// rendered per request, and their CSP is as strict as a rendered page's: no 'unsafe-inline', no
// nonce to reuse, only the hashes of the scripts the build wrote ('strict-dynamic'), so a script an
// attacker injects does not run while the page's own scripts hydrate it and sign-in works. A
// session cookie, a query or another configuration gets the page rendered instead (decision 067).
import { expect, newSignedInUser, signIn, test } from "./support/fixtures";

const PRERENDERED = ["/login", "/register", "/forgot-password", "/confirm", "/login/magic"];

function scriptSources(csp: string): string {
  return /script-src ([^;]*)/.exec(csp)?.[1] ?? "";
}

test("the anonymous pages come from the prerendered cache with a hash-only CSP", async ({ request }) => {
  for (const path of PRERENDERED) {
    const first = await request.get(path, { maxRedirects: 0 });
    expect(first.status(), path).toBe(200);
    const headers = first.headers();
    expect(headers["x-nextjs-cache"], `${path} is served from the cache`).toBe("HIT");
    const scripts = scriptSources(headers["content-security-policy"] ?? "");
    expect(scripts, path).toMatch(/^'self'( 'sha256-[A-Za-z0-9+/]+=*')+ 'strict-dynamic'$/);
    expect(scripts).not.toContain("unsafe-inline");
    // The browser may keep it (revalidating each visit); no shared cache may hand it to a signed-in visitor.
    expect(headers["cache-control"]).toBe("private, max-age=0, must-revalidate");
    // The same bytes for everyone: the policy, like the page, does not change between requests.
    const second = await request.get(path);
    expect(second.headers()["content-security-policy"]).toBe(headers["content-security-policy"]);
    expect(await second.text()).toBe(await first.text());
  }
  // Only through the proxy's rewrite.
  expect((await request.get("/prerendered/login")).status()).toBe(404);
  expect((await request.get("/prerendered/en/login")).status()).toBe(404);
});

test("an injected inline script is refused on the prerendered /login, while the page's own scripts run and sign in", async ({ page, context }) => {
  // An account to sign in to; then this browser forgets its session and arrives as a stranger.
  const { email, password } = await newSignedInUser(page);
  await context.clearCookies();
  const violations: string[] = [];
  await page.exposeFunction("reportViolation", (directive: string) => violations.push(directive));
  await page.addInitScript(() => {
    document.addEventListener("securitypolicyviolation", (event) =>
      (window as unknown as { reportViolation(d: string): void }).reportViolation(event.violatedDirective),
    );
  });

  // A markup injection, as a stored or reflected one would land: the server's page and headers,
  // with a <script> and an inline handler added to the HTML on its way to the browser.
  await page.route(/\/login$/, async (route) => {
    if (route.request().resourceType() !== "document") return route.continue();
    const response = await route.fetch();
    const html = (await response.text()).replace(
      "</body>",
      '<script>window.__injected = true;</script><img src="/x.png" onerror="window.__handler = true"></body>',
    );
    await route.fulfill({ response, body: html });
  });
  const response = await page.goto("/login");
  expect(response?.headers()["x-nextjs-cache"]).toBe("HIT");
  expect(response?.headers()["content-security-policy"]).not.toContain("nonce-");
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(violations.every((v) => v.startsWith("script-src"))).toBe(true);
  expect(await page.evaluate(() => (window as unknown as { __injected?: boolean }).__injected)).toBeUndefined();
  expect(await page.evaluate(() => (window as unknown as { __handler?: boolean }).__handler)).toBeUndefined();

  // The page's own scripts, allowed by their hashes, still hydrate it (React has taken the sign-in
  // form over) and nothing of theirs was refused.
  await page.unroute(/\/login$/);
  violations.length = 0;
  await page.goto("/login");
  await page.waitForFunction(() => {
    const form = document.querySelector('form[aria-label="Sign in"]');
    return form !== null && Object.keys(form).some((key) => key.startsWith("__reactFiber"));
  });

  // And it does its job: a password sign-in from the prerendered form.
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
  expect(violations).toEqual([]);
});

test("a session cookie or a query gets /login rendered: the signed-in visitor is sent on, the URL's words are read", async ({ page }) => {
  const withNext = await page.request.get("/login?next=/account/sessions");
  expect(withNext.headers()["x-nextjs-cache"]).toBeUndefined();
  expect(scriptSources(withNext.headers()["content-security-policy"] ?? "")).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
  expect(await withNext.text()).toContain('value="/account/sessions"');

  await newSignedInUser(page);
  const response = await page.goto("/login");
  await expect(page).toHaveURL(/\/account$/);
  expect(response?.headers()["cache-control"]).toContain("no-store");
});
