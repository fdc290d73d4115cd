// Threat: the activity log reads like a log again (a flat list in UTC, repeated failures one by
// one, how the user signed in hidden), a filter shows the wrong events, or the time zone the
// browser reports is not the one the page shows.
import { expectAccessibleHere } from "./support/axe";
import { expect, newSignedInUser, test } from "./support/fixtures";

test.use({ timezoneId: "Asia/Tokyo" });

test("activity: days in the browser's time zone, failed attempts as one line, how each sign-in was proven, filters", async ({ page, playwright, baseURL }) => {
  const { email } = await newSignedInUser(page);
  const origin = new URL(page.url()).origin;
  // Three wrong passwords in a row, from a client that is not this (signed-in) browser.
  const stranger = await playwright.request.newContext({ baseURL });
  for (let i = 0; i < 3; i++) {
    const wrong = await stranger.post("/login/session", { data: { identity: email, password: `wrong password ${i}` }, headers: { origin } });
    expect(wrong.status()).toBeLessThan(500);
  }
  await stranger.dispose();

  await page.goto("/account/activity");
  // The layout reported the browser's zone once; the page now says and uses it.
  await expect(page.getByTestId("activity-zone")).toContainText("Times are in Asia/Tokyo");
  const days = page.getByTestId("activity-day");
  await expect(days.first().getByRole("heading")).toHaveText("Today");
  const items = page.getByTestId("activity-item");
  await expect(items.filter({ hasText: "3 failed sign-in attempts" })).toHaveCount(1);
  await expect(items.filter({ hasText: /^Failed sign-in attempt/ })).toHaveCount(0);
  await expect(items.filter({ hasText: "Signed in with your password" })).toHaveCount(1);
  // Addresses in words: loopback is "this computer", private ranges "local network".
  await expect(items.first()).toContainText(/this computer \(local\)|local network \(/);

  // The exact time, in Tokyo's zone, on hover and on keyboard focus.
  const when = items.first().locator("time");
  await expect(when).toHaveText(/just now|minute/);
  await when.focus();
  await expect(page.getByTestId("tooltip").first()).toContainText("(Asia/Tokyo)");
  await page.keyboard.press("Escape");
  await expectAccessibleHere(page);

  await page.getByTestId("activity-filter").getByRole("link", { name: "Failed attempts" }).click();
  await expect(page).toHaveURL(/\/account\/activity\?kind=failed$/);
  await expect(page.getByTestId("activity-filter").getByRole("link", { name: "Failed attempts" })).toHaveAttribute("aria-current", "page");
  await expect(items).toHaveCount(1);
  await expect(items.first()).toContainText("3 failed sign-in attempts");

  await page.getByTestId("activity-filter").getByRole("link", { name: "Sign-ins" }).click();
  await expect(items.filter({ hasText: "failed" })).toHaveCount(0);
  await expect(items.filter({ hasText: "Signed in" }).first()).toBeVisible();

  // Junk in the URL is the whole log's first page, not an error.
  expect((await page.goto("/account/activity?kind=%00&before=abc&after=-1"))?.status()).toBe(200);
  await expect(page.getByTestId("activity-filter").getByRole("link", { name: "All" })).toHaveAttribute("aria-current", "page");
});
