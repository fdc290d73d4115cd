// Guarantee: an email change waits for the new address's link (opened in any browser), the old
// address is told with a cancel link that works, and is told again once the change is done.
import type { Page } from "@playwright/test";
import { expectAccessibleHere } from "./support/axe";
import { expect, latestEmail, linkFrom, newSignedInUser, randomIp, signIn, test, uniqueEmail } from "./support/fixtures";
import { signOut } from "./support/two-factor";

// Several sign-ins, emails and two axe runs a test: room for a loaded machine.
test.describe.configure({ timeout: 180_000 });

async function askForChange(page: Page, newEmail: string): Promise<void> {
  await page.goto("/account");
  await page.getByRole("link", { name: "Change email address" }).click();
  await expect(page).toHaveURL(/\/account\/email$/);
  await page.getByLabel("New email address").fill(newEmail);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByTestId("form-message")).toHaveText(`We've sent a confirmation link to ${newEmail}. Your address changes when you open it.`);
}

test("change email: the new address's link, opened in another browser, changes it; the old one is told twice", async ({ page, browser }) => {
  const { email, password } = await newSignedInUser(page);
  await page.goto("/account/email");
  await expectAccessibleHere(page);
  const newEmail = uniqueEmail("moved");
  await askForChange(page, newEmail);

  const toOld = await latestEmail(page.request, email, "Gatehouse: Someone asked to change your email address");
  expect(toOld.text).toContain(newEmail);
  expect(linkFrom(toOld.text, "/reset-password/")).toMatch(/^\/reset-password\//);
  const toNew = await latestEmail(page.request, newEmail, "Gatehouse: Confirm your new email address");
  const link = linkFrom(toNew.text, "/change-email/");

  // Nothing has changed yet.
  await page.goto("/account");
  await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();

  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const elsewhere = await other.newPage();
  await elsewhere.goto(link);
  await expect(elsewhere.getByText(`Your account will sign in with ${newEmail} from now on.`)).toBeVisible();
  await expectAccessibleHere(elsewhere);
  await elsewhere.getByRole("button", { name: "Confirm new email address" }).click();
  await expect(elsewhere).toHaveURL(/\/login\?notice=CHANGE_EMAIL_CONFIRMED/);
  await expect(elsewhere.getByTestId("notice")).toHaveText("Your email address has been changed.");
  // Used once: the link now says so.
  await elsewhere.goto(link);
  await expect(elsewhere.getByText("That email change link isn't valid")).toBeVisible();
  await other.close();

  await latestEmail(page.request, email, "Gatehouse: Your email address was changed");
  await page.goto("/account");
  await expect(page.getByRole("main").getByText(newEmail, { exact: true })).toBeVisible();
  await signOut(page);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/login/);
  await page.goto("/login");
  await signIn(page, newEmail, password);
  await expect(page).toHaveURL(/\/account$/);
});

test("change email: the old address cancels, and the new address's link then does nothing", async ({ page }) => {
  const { email } = await newSignedInUser(page);
  const newEmail = uniqueEmail("unwanted");
  await askForChange(page, newEmail);
  const cancel = linkFrom((await latestEmail(page.request, email, "Gatehouse: Someone asked to change your email address")).text, "/change-email/cancel/");
  const link = linkFrom((await latestEmail(page.request, newEmail, "Gatehouse: Confirm your new email address")).text, "/change-email/");

  await page.goto(cancel);
  await expectAccessibleHere(page);
  await page.getByRole("button", { name: "Cancel the change" }).click();
  await expect(page).toHaveURL(/\/account\?notice=CHANGE_EMAIL_CANCELLED/);
  await expect(page.getByRole("main").getByText(email, { exact: true })).toBeVisible();
  await page.goto(link);
  await expect(page.getByText("That email change link isn't valid")).toBeVisible();
  await expect(page.getByRole("button", { name: "Confirm new email address" })).toHaveCount(0);
});
