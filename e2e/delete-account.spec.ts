// Guarantee: deleting an account takes the typed address, signs out, says goodbye by email, and
// the account no longer signs in.
import { expectAccessibleHere } from "./support/axe";
import { expect, latestEmail, newSignedInUser, signIn, test } from "./support/fixtures";

// Several sign-ins, emails and two axe runs a test: room for a loaded machine.
test.describe.configure({ timeout: 180_000 });

test("delete account: typed confirmation, goodbye email, signed out, gone", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  await page.getByRole("link", { name: "Delete account…" }).click();
  await expect(page).toHaveURL(/\/account\/delete$/);
  await expectAccessibleHere(page);

  await page.getByLabel(`Type ${email} to confirm`).fill("delete");
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page.getByTestId("confirmation-error")).toHaveText("Type your email address exactly as shown to confirm.");

  await page.getByLabel(`Type ${email} to confirm`).fill(email);
  await page.getByRole("button", { name: "Delete my account" }).click();
  await expect(page).toHaveURL(/\/login\?notice=ACCOUNT_DELETED/);
  await expect(page.getByTestId("notice")).toHaveText("Your account has been deleted. We're sorry to see you go.");
  await latestEmail(page.request, email, "Gatehouse: Your account was deleted");

  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
  await signIn(page, email, password);
  await expect(page.getByTestId("form-message")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});
