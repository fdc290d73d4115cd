// Guarantee: an admin can view the app as a user from the rescue queue, with a banner on every page;
// a page that needs a recent sign-in is refused with a clear message (no re-verifying as the user);
// "Return to my account" ends that session and gives the admin their own back; what the admin did as
// the user is marked "by administrator …" in the user's log and the console. Every page passes axe.
import { E2E_ADMIN } from "./support/admin";
import { expectAccessibleHere } from "./support/axe";
import { expect, newSignedInUser, signIn, test } from "./support/fixtures";
import { setUpAuthenticator, signInToSecondStep, submitSignInCode, totpCode } from "./support/two-factor";

test("view as a user from the rescue queue: banner everywhere, fresh pages refused, return restores the admin", async ({ page, browser }) => {
  // Two accounts, a sign-in code set up and a second one used: the last waits for a new authenticator step.
  test.slow();
  // A user who asks for help, so the queue lists them.
  // The user stays signed in on `page`; the request for help comes from a second browser, so the
  // account has a session the admin can end while viewing as the user.
  const { email, password } = await newSignedInUser(page);
  const { secret, step } = await setUpAuthenticator(page, email);
  const helpContext = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.79" } });
  const helpPage = await helpContext.newPage();
  await signInToSecondStep(helpPage, email, password);
  await helpPage.getByRole("link", { name: "Can't use your authenticator app?" }).click();
  await helpPage.getByRole("button", { name: "Ask the site administrator for help" }).click();
  await expect(helpPage.getByTestId("form-message")).toContainText("We've asked the site administrator to help you.");
  await helpContext.close();

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
  // Acting as the user: end the user's own session. Their log names the administrator, not them.
  await adminPage.getByRole("button", { name: "Sign out other sessions" }).click();
  await adminPage.getByRole("dialog").getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(adminPage).toHaveURL(/\/account\/sessions\?notice=SESSION_REVOKED&ended=1$/);
  await adminPage.goto("/account/activity");
  await expect(adminPage.getByTestId("acted-by").first()).toHaveText(`by administrator ${E2E_ADMIN.email}`);
  // The admin pages are the admin's, not the user's.
  expect((await adminPage.goto("/admin/users"))?.status()).toBe(403);

  // A page that needs a recent sign-in: refused, and no way to re-verify as the user.
  await adminPage.goto("/account/security/two-step");
  await expect(adminPage).toHaveURL(/\/verify\?next=%2Faccount%2Fsecurity%2Ftwo-step$/);
  // The old URL redirects first (decision 064), then meets the same freshness rule: never the page itself.
  await adminPage.goto("/account/passkeys");
  await expect(adminPage).toHaveURL(/\/verify\?next=%2Faccount%2Fsecurity%2Fpasskeys$/);
  await adminPage.goto("/account/security/two-step");
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
  // The console's page of the user says the same.
  await adminPage.goto(`/admin/users?q=${encodeURIComponent(email)}&by=email`);
  await adminPage.getByTestId("users-table").getByRole("link", { name: email }).click();
  await expect(adminPage.getByTestId("acted-by").first()).toHaveText(`by administrator ${E2E_ADMIN.email}`);
  await admin.close();

  // The user was signed out by it; their own log shows the view-as and the sign-out with its actor
  // once they are back in with their authenticator.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
  await signInToSecondStep(page, email, password);
  await submitSignInCode(page, (await totpCode(secret, { afterStep: step })).code);
  await expect(page).toHaveURL(/\/account$/);
  await page.goto("/account/activity");
  await expect(page.getByRole("main")).toContainText("An administrator began viewing the app as this account");
  await expect(page.getByRole("main")).toContainText("An administrator stopped viewing the app as this account");
  await expect(page.getByTestId("acted-by").first()).toHaveText(`by administrator ${E2E_ADMIN.email}`);
});

test("view as any ordinary account from its page in the console; an administrator's page offers no view-as", async ({ page, browser }) => {
  const { email } = await newSignedInUser(page);
  const admin = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "203.0.113.80" } });
  const adminPage = await admin.newPage();
  await adminPage.goto(`/login?next=${encodeURIComponent(`/admin/users?q=${email}&by=email`)}`);
  await signIn(adminPage, E2E_ADMIN.email, E2E_ADMIN.password);
  await adminPage.getByTestId("users-table").getByRole("link", { name: email }).click();
  await expect(adminPage).toHaveURL(/\/admin\/users\/[0-9a-f-]{36}$/);
  const userPage = adminPage.url();
  await adminPage
    .getByRole("form", { name: `View the app as ${email}` })
    .getByRole("button", { name: "View as" })
    .click();
  await expect(adminPage).toHaveURL(/\/account$/);
  await expect(adminPage.getByTestId("impersonation-banner")).toContainText(`You are viewing the app as ${email}`);
  await adminPage.getByTestId("impersonation-banner").getByRole("button", { name: "Return to my account" }).click();
  await expect(adminPage.getByTestId("header-email")).toHaveText(E2E_ADMIN.email);
  await adminPage.goto(userPage);
  await expect(adminPage.getByRole("main")).toContainText("An administrator began viewing the app as this account");

  await adminPage.goto(`/admin/users?q=${encodeURIComponent(E2E_ADMIN.email)}&by=email`);
  await adminPage.getByTestId("users-table").getByRole("link", { name: E2E_ADMIN.email }).click();
  await expect(adminPage.getByRole("heading", { level: 1 })).toHaveText(E2E_ADMIN.email);
  await expect(adminPage.getByRole("button", { name: "View as" })).toHaveCount(0);
  await admin.close();
});
