// Guarantee: every page passes axe (WCAG 2.1 A/AA rules) with zero serious or critical violations,
// in light and dark colour schemes (e2e/support/axe.ts: the dark pass re-runs the colour rules).
import { E2E_ADMIN } from "./support/admin";
import { expectAccessibleAt, expectAccessibleHere } from "./support/axe";
import { expect, latestEmail, linkFrom, newSignedInUser, signIn, test } from "./support/fixtures";
import { addPasskey, addVirtualAuthenticator, disablePasskeyAutofill } from "./support/passkeys";
import { setUpEmailCodes, signInToSecondStep, signOut } from "./support/two-factor";

test.describe.configure({ timeout: 120_000 });

for (const path of [
  "/",
  "/login",
  "/login/magic",
  "/register",
  "/register/check-email?email=a%40example.com",
  "/confirm",
  "/forgot-password",
  "/dev/mailbox",
  "/no-such-page",
]) {
  test(`anonymous page ${path}`, async ({ page }) => {
    await expectAccessibleAt(page, path);
  });
}

test("reset password page", async ({ page }) => {
  const { email } = await newSignedInUser(page);
  await page.goto("/forgot-password");
  // A signed-in user finds the form filled in with their address (typing over it while the page
  // hydrates once doubled the text on a loaded CI machine).
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const mail = await latestEmail(page.request, email, "Gatehouse: Reset your password");
  await expectAccessibleAt(page, linkFrom(mail.text, "/reset-password/"));
});

// One test per page (/admin/users is the 403 page for a user without the role): fourteen axe runs
// in one test ran past its 120-s timeout on a loaded machine, and two workers can share them.
for (const path of [
  "/account",
  "/account/security",
  "/account/password",
  "/account/sessions",
  "/account/activity",
  "/account/activity?kind=failed",
  "/account/security/sign-in-codes",
  "/verify",
  "/admin/users",
]) {
  test(`signed-in page ${path}${path === "/admin/users" ? " (403)" : ""}`, async ({ page }) => {
    await newSignedInUser(page);
    await expectAccessibleAt(page, path);
  });
}

test("a form showing errors", async ({ page }) => {
  await newSignedInUser(page);
  await page.goto("/account/password");
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page.getByTestId("password-error")).toBeVisible();
  await expectAccessibleHere(page);
});

test("admin users page", async ({ page }) => {
  await page.goto("/login");
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/account$/);
  await expectAccessibleAt(page, "/admin/users");
});

test("two-step verification and recovery-code account pages", async ({ page }) => {
  const { email } = await newSignedInUser(page);
  await expectAccessibleAt(page, "/account/security/two-step");
  await expectAccessibleAt(page, "/account/security/recovery-codes");
  // Sign-in & security once two-step verification is on (its level, badges and offers change).
  await setUpEmailCodes(page, email);
  await expectAccessibleAt(page, "/account/security");
});

test("second-step sign-in pages", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  await setUpEmailCodes(page, email);
  await signOut(page);
  await signInToSecondStep(page, email, password);
  for (const path of ["/login/two-factor", "/login/two-factor/rescue", "/login/two-factor/recovery"]) {
    await expectAccessibleAt(page, path);
  }
});

test("passkey pages: the list, the second step and the method choice", async ({ page }) => {
  await disablePasskeyAutofill(page);
  await addVirtualAuthenticator(page, { transport: "usb", hasUserVerification: false, hasResidentKey: false });
  const { email, password } = await newSignedInUser(page);
  await addPasskey(page, "Security key", "Second step");
  await expectAccessibleAt(page, "/account/security/passkeys");
  await expectAccessibleAt(page, "/verify");
  await setUpEmailCodes(page, email);
  await signOut(page);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/login\/two-factor\/select$/);
  for (const path of ["/login/two-factor/select", "/login/two-factor/passkey"]) {
    await expectAccessibleAt(page, path);
  }
});
