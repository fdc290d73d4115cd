// Guarantee: changing the password needs the current one and a different new one, keeps this
// browser signed in, signs every other session out and emails a notice.
import { expect, latestEmail, newSignedInUser, signIn, strongPassword, test } from "./support/fixtures";

test("change password: this session stays, the others end", async ({ page, browser }) => {
  const { email, password } = await newSignedInUser(page);
  const ctx = await browser.newContext();
  const other = await ctx.newPage();
  await other.goto("/login");
  await signIn(other, email, password);
  await expect(other).toHaveURL(/\/account$/);

  await page.goto("/account/password");
  await page.getByLabel("Current password").fill("wrong current password");
  const next = strongPassword();
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-error")).toHaveText("That password isn't right.");

  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Confirm new password").fill(password);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("newPassword-error")).toContainText("Choose a password you haven't used here before.");

  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/account\?notice=PASSWORD_CHANGE/);
  await expect(page.getByTestId("notice")).toContainText("Your password has been changed.");
  await latestEmail(page.request, email, "Gatehouse: Your password was changed");

  await page.goto("/account/sessions");
  await expect(page).toHaveURL(/\/account\/sessions$/);
  await other.goto("/account");
  await expect(other).toHaveURL(/\/login/);
  await ctx.close();
});
