// Guarantee (decision 075): the status pages are drawn in the browser from their words, so check
// them as a reader sees them — a URL no route matches gets a whole 404 document in the visitor's
// language with the logo and a way home, a 404 inside the signed-in chrome keeps the header, and a
// client-side move to a missing page draws the same box, a 403 says so with a way back to the
// account, and the client-drawn document's theme script still runs under the CSP. Each passes axe.
import { expectAccessibleHere } from "./support/axe";
import { E2E_ADMIN } from "./support/admin";
import { expect, newSignedInUser, signIn, test } from "./support/fixtures";
import { expectDocument, say } from "./support/languages";
import type { Page } from "@playwright/test";

/** Errors the page reports: a hydration mismatch of a client-drawn document shows here (React #418). */
function pageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("console", (message) => {
    if (message.type() === "error") errors.push(message.text());
  });
  return errors;
}

test("a URL no route matches: a 404 document with the logo, the words and a way home", async ({ page }) => {
  const errors = pageErrors(page);
  const response = await page.goto("/no-such-page");
  expect(response?.status()).toBe(404);
  await expectDocument(page, "en", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("en", "status.notFound.title"));
  await expect(page.getByText(say("en", "status.notFound.body"))).toBeVisible();
  await expect(page.getByRole("banner").getByRole("link")).toHaveAttribute("href", "/");
  await expectAccessibleHere(page);
  // Hydrated without a mismatch (the 404 response's own console line aside).
  expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
  await page.getByRole("link", { name: say("en", "status.notFound.action") }).click();
  await expect(page).toHaveURL(/\/$/);
});

test("the 404 document is in the visitor's language and direction", async ({ browser }) => {
  const context = await browser.newContext({ locale: "ar" });
  const page = await context.newPage();
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  await expectDocument(page, "ar", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("ar", "status.notFound.title"));
  await expect(page.getByRole("link", { name: say("ar", "status.notFound.action") })).toBeVisible();
  await expectAccessibleHere(page);
  await context.close();
});

test("the 404 document's theme script runs under the page's CSP: a dark choice makes the page dark", async ({ browser, baseURL }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  await context.addCookies([{ name: "theme", value: "dark", url: baseURL! }]);
  const page = await context.newPage();
  expect((await page.goto("/no-such-page"))?.status()).toBe(404);
  // With scripts off the attribute is absent: the server does not write it, so the dark below is the inline script's doing.
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", "dark");
  await context.close();

  const scripted = await browser.newContext();
  await scripted.addCookies([{ name: "theme", value: "dark", url: baseURL! }]);
  const page2 = await scripted.newPage();
  const blocked: string[] = [];
  page2.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) blocked.push(message.text());
  });
  expect((await page2.goto("/no-such-page"))?.status()).toBe(404);
  await expect(page2.locator("html")).toHaveAttribute("data-theme", "dark");
  expect(blocked).toEqual([]);
  await scripted.close();
});

test("a 403 says the account lacks the role, with a way back to it", async ({ page }) => {
  await newSignedInUser(page);
  expect((await page.goto("/admin/users"))?.status()).toBe(403);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("en", "status.forbidden.title"));
  await expect(page.getByText(say("en", "status.forbidden.body"))).toBeVisible();
  await expect(page.getByRole("link", { name: say("en", "status.forbidden.action") })).toHaveAttribute("href", "/account");
  await expectAccessibleHere(page);
});

test("a 404 inside the signed-in chrome keeps the header; a client-side move to it draws the same box", async ({ page }) => {
  await page.goto("/login?next=/admin/users");
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Users");
  expect((await page.goto("/admin/users/nope"))?.status()).toBe(404);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("en", "status.notFound.title"));
  await expect(page.getByRole("button", { name: say("en", "header.signOut") })).toBeVisible();
  await expectAccessibleHere(page);

  // From a rendered page, the router's own move to an id that is not an account (what a next/link
  // does): the 404 is drawn in the browser from the payload's words, with no full reload (the
  // marker on window survives it).
  await page.goto("/admin/users");
  const errors = pageErrors(page);
  // The router is there once the page has hydrated (Next sets it for debugging; the app's links use it).
  await page.waitForFunction(() => Boolean((window as unknown as { next?: { router?: unknown } }).next?.router));
  await page.evaluate(() => Object.assign(window, { gatehouseMarker: 1 }));
  await page.evaluate(() => (window as unknown as { next: { router: { push(href: string): void } } }).next.router.push("/admin/users/nope"));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("en", "status.notFound.title"));
  await expect(page.getByRole("link", { name: say("en", "status.notFound.action") })).toHaveAttribute("href", "/");
  expect(await page.evaluate(() => (window as unknown as { gatehouseMarker?: number }).gatehouseMarker)).toBe(1);
  expect(errors.filter((e) => !e.includes("404"))).toEqual([]);
  await expectAccessibleHere(page);
});
