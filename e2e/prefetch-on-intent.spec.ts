// Guarantee (components/ui/link.tsx): a page view asks the server for that page only. Links
// prefetch when the reader points at one (or focuses it), not when they scroll into view: with
// next/link's default, one view of /account rendered ten more signed-in pages on the server.
import type { Request } from "@playwright/test";
import { expect, newSignedInUser, test } from "./support/fixtures";

const isPrefetch = (r: Request) => r.headers()["next-router-prefetch"] !== undefined;

test("viewing /account prefetches nothing; pointing at a nav link prefetches that page, and the click goes there", async ({ page }) => {
  await newSignedInUser(page);
  const prefetches: string[] = [];
  page.on("request", (r) => {
    if (isPrefetch(r)) prefetches.push(new URL(r.url()).pathname);
  });
  await page.goto("/account");
  await page.waitForLoadState("load");
  // The header, the account nav and the overview's cards are all on screen: nothing is asked for.
  await page.waitForTimeout(1_500);
  expect(prefetches).toEqual([]);

  const sessions = page.getByRole("navigation", { name: /account/i }).getByRole("link", { name: "Sessions" });
  await sessions.hover();
  await expect.poll(() => prefetches).toContain("/account/sessions");
  expect(prefetches.every((p) => p === "/account/sessions")).toBe(true);

  // Keyboard focus is intent too.
  await page
    .getByRole("navigation", { name: /account/i })
    .getByRole("link", { name: "Activity" })
    .focus();
  await expect.poll(() => prefetches).toContain("/account/activity");

  await sessions.click();
  await expect(page).toHaveURL(/\/account\/sessions$/);
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
});
