// Guarantee: turning two-step verification off takes an explicit confirmation, tells the owner by email, and the
// next sign-in needs the password only.
import { expect, latestEmail, newSignedInUser, signIn, test } from "./support/fixtures";
import { lastMessageId, setUpEmailCodes, signOut } from "./support/two-factor";

test("turn off two-step verification through the confirmation: badge Off, owner emailed, no second step", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  await setUpEmailCodes(page, email);

  await page.goto("/account/security/two-step");
  await page.getByRole("button", { name: "Turn off two-step verification" }).click();
  await expect(page.getByTestId("disable-confirmation")).toContainText("Turn off two-step verification?");
  // Cancel really cancels.
  await page.getByRole("button", { name: "Cancel" }).click();
  await expect(page.getByTestId("disable-confirmation")).toHaveCount(0);
  await expect(page.getByTestId("two-factor-status").getByText("On", { exact: true })).toBeVisible();

  const before = await lastMessageId(page.request, email);
  await page.getByRole("button", { name: "Turn off two-step verification" }).click();
  await page.getByRole("button", { name: "Yes, turn it off" }).click();
  await expect(page).toHaveURL(/\/account\/security\?notice=TWO_FACTOR_DISABLED/);
  await expect(page.getByTestId("notice")).toContainText("Two-step verification is off.");
  await expect(page.getByTestId("second-step")).toContainText("Second step: Off");
  await expect(page.getByTestId("protection-level-title")).toHaveText("Password only");
  await page.goto("/account/security/two-step");
  await expect(page.getByTestId("two-factor-status").getByText("Off", { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: "Turn off two-step verification" })).toHaveCount(0);
  const mail = await latestEmail(page.request, email, "Gatehouse: Two-step verification was turned off", before);
  expect(mail.text).toMatch(/turned\s+off/);
  await signOut(page);

  const beforeSignIn = await lastMessageId(page.request, email);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
  expect(await lastMessageId(page.request, email)).toBe(beforeSignIn); // no code emailed
});
