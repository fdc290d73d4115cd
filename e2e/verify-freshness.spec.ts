// Guarantee: /verify re-authenticates the signed-in user by password and returns to a same-origin
// `next`; a wrong password is refused. (Stale-session redirects are covered by the guard's unit test.)
import { expect, newSignedInUser, test } from "./support/fixtures";

test("verify with password returns to next", async ({ page }) => {
  const { password } = await newSignedInUser(page);
  await page.goto("/verify?next=%2Faccount%2Factivity");
  await page.getByLabel("Password", { exact: true }).fill("definitely wrong");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("password-error")).toHaveText("That password isn't right.");
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account\/activity$/);
  await expect(page.getByTestId("activity-list")).toContainText("Identity re-verified");
  await expect(page.getByTestId("activity-list")).toContainText("Failed sign-in attempt");
});

test("verify refuses an off-site next", async ({ page }) => {
  const { password } = await newSignedInUser(page);
  await page.goto(`/verify?next=${encodeURIComponent("https://evil.example/")}`);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page).toHaveURL(/\/account\?notice=REAUTHENTICATION_SUCCESSFUL/);
});

test("verify needs a session", async ({ page }) => {
  await page.goto("/verify");
  await expect(page).toHaveURL(/\/login\?next=%2Fverify/);
});
