// Guarantee: the header's theme switch picks light, dark or the system's theme from the keyboard,
// the choice survives a reload and is painted on the first frame (the page's first script, allowed by
// its hash, reads the cookie and writes data-theme before the body paints: decision 067), on the
// prerendered /login and on a rendered page alike, "System" follows the operating system again, and
// a dark choice on a light system passes axe's colour rules.
import type { Page } from "@playwright/test";
import { expectAccessibleHere } from "./support/axe";
import { expect, test } from "./support/fixtures";

const background = (page: Page): Promise<string> => page.evaluate(() => getComputedStyle(document.body).backgroundColor);

test("light, dark and system from the keyboard; remembered across a reload with no flash", async ({ page }) => {
  await page.emulateMedia({ colorScheme: "light" });
  await page.goto("/login");
  const group = page.getByRole("group", { name: "Theme" });
  await expect(group.getByRole("button", { name: "System theme" })).toHaveAttribute("aria-pressed", "true");
  const light = await background(page);

  // Keyboard: focus the dark button and press Enter.
  await group.getByRole("button", { name: "Dark theme" }).focus();
  await page.keyboard.press("Enter");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(group.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  const dark = await background(page);
  expect(dark).not.toBe(light);

  // Applied before the first paint: the script that sets it comes first in <body>, and the page's
  // first frame (the body's colour as soon as the document is parsed) is already dark.
  const html = await (await page.request.get("/login")).text();
  const script = html.indexOf("<script>(function(){var m=document.cookie");
  expect(script).toBeGreaterThan(html.indexOf("<body"));
  expect(script).toBeLessThan(html.indexOf("<header"));
  await page.reload({ waitUntil: "commit" });
  await page.waitForFunction(() => document.body !== null);
  expect(await background(page)).toBe(dark);
  await expect(group.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  // A page rendered per request shows the same choice.
  await page.goto("/login?next=/account");
  await expect(page.locator("html")).toHaveAttribute("data-theme", "dark");
  await expect(group.getByRole("button", { name: "Dark theme" })).toHaveAttribute("aria-pressed", "true");
  await page.goto("/login");
  await expectAccessibleHere(page);

  await group.getByRole("button", { name: "Light theme" }).click();
  await expect(page.locator("html")).toHaveAttribute("data-theme", "light");
  await page.emulateMedia({ colorScheme: "dark" });
  expect(await background(page)).toBe(light);

  // System: no attribute, the operating system's scheme decides.
  await group.getByRole("button", { name: "System theme" }).click();
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /.+/);
  await expect.poll(() => background(page)).toBe(dark);
});

test("a tampered theme cookie is the system's theme, not an error", async ({ page, context, baseURL }) => {
  await context.addCookies([{ name: "theme", value: "<script>", url: baseURL! }]);
  const response = await page.goto("/login");
  expect(response?.status()).toBe(200);
  await expect(page.locator("html")).not.toHaveAttribute("data-theme", /.+/);
});
