// Guarantee: the header's theme switch picks light, dark or the system's theme from the keyboard,
// the choice survives a reload and is painted on the first frame (the server reads the cookie and
// writes data-theme, no script), "System" follows the operating system again, and a dark choice on
// a light system passes axe's colour rules.
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

  // The server wrote it into the HTML itself: the first paint is already dark.
  const html = await (await page.request.get("/login")).text();
  expect(html).toMatch(/<html[^>]*data-theme="dark"/);
  await page.reload();
  expect(await background(page)).toBe(dark);
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
