// Guarantee: an admin can view the app as a user from the rescue queue, with a banner on every page;
// a page that needs a recent sign-in is refused with a clear message (no re-verifying as the user);
// "Return to my account" ends that session and gives the admin their own back. Every page passes axe.
import { E2E_ADMIN } from "./support/admin";
import { expectAccessibleHere } from "./support/axe";
import { expect, newSignedInUser, signIn, test } from "./support/fixtures";
import { setUpAuthenticator, signInToSecondStep, signOut, submitSignInCode, totpCode } from "./support/two-factor";

test("view as a user from the rescue queue: banner everywhere, fresh pages refused, return restores the admin", async ({ page, browser }) => {
  // Two accounts, a sign-in code set up and a second one used: the last waits for a new authenticator step.
  test.slow();
  // A user who asks for help, so the queue lists them.
  const { email, password } = await newSignedInUser(page);
  const { secret, step } = await setUpAuthenticator(page, email);
  await signOut(page);
  await signInToSecondStep(page, email, password);
  await page.getByRole("link", { name: "Can't use your authenticator app?" }).click();
  await page.getByRole("button", { name: "Ask the site administrator for help" }).click();
  await expect(page.getByTestId("form-message")).toContainText("We've asked the site administrator to help you.");

  const admin = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.78" } });
  const adminPage = await admin.newPage();
  await adminPage.goto("/login?next=/admin/rescue");
  await signIn(adminPage, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(adminPage).toHaveURL(/\/admin\/rescue$/);
  const row = adminPage.getByTestId("rescue-request").filter({ hasText: email });
  await row.getByRole("button", { name: "View as" }).click();

  await expect(adminPage).toHaveURL(/\/account$/);
  const banner = adminPage.getByTestId("impersonation-banner");
  await expect(banner).toContainText(`You are viewing the app as ${email}`);
  await expect(adminPage.getByTestId("header-email")).toHaveText(email);
  await expectAccessibleHere(adminPage);
  await adminPage.goto("/account/sessions");
  await expect(banner).toBeVisible();
  // The admin pages are the admin's, not the user's.
  expect((await adminPage.goto("/admin/users"))?.status()).toBe(403);

  // A page that needs a recent sign-in: refused, and no way to re-verify as the user.
  await adminPage.goto("/account/two-factor");
  await expect(adminPage).toHaveURL(/\/verify\?next=%2Faccount%2Ftwo-factor$/);
  await expect(adminPage.getByTestId("impersonation-refused")).toContainText("actions that need its owner to confirm it's them aren't available");
  await expect(adminPage.getByLabel("Password", { exact: true })).toHaveCount(0);
  await expectAccessibleHere(adminPage);

  await banner.getByRole("button", { name: "Return to my account" }).click();
  await expect(adminPage).toHaveURL(/\/admin\/rescue\?notice=IMPERSONATION_ENDED$/);
  await expect(adminPage.getByTestId("notice")).toContainText("You're back in your own account.");
  await expect(adminPage.getByTestId("impersonation-banner")).toHaveCount(0);
  await expect(adminPage.getByTestId("header-email")).toHaveText(E2E_ADMIN.email);
  await adminPage.goto("/account/activity");
  await expect(adminPage.getByRole("main")).toContainText("Administrative action");
  await admin.close();

  // The user's own log shows it too, once they are back in with their authenticator.
  await signInToSecondStep(page, email, password);
  await submitSignInCode(page, (await totpCode(secret, { afterStep: step })).code);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/activity");
  await expect(page.getByRole("main")).toContainText("An administrator began viewing the app as this account");
  await expect(page.getByRole("main")).toContainText("An administrator stopped viewing the app as this account");
});
