// Guarantee: a user whose role requires two-factor is not signed in by a password alone: they must set
// up a method during sign-in first, and afterwards cannot turn it off.
// The only spec that uses E2E_REQUIRED_2FA: it gives that user a method (start from a fresh database).
import { E2E_REQUIRED_2FA } from "./support/admin";
import { expect, latestEmail, signIn, test } from "./support/fixtures";
import { cookieNamed, lastMessageId, scanAuthenticatorSetup, totpCode } from "./support/two-factor";

test("required two-factor: set up during sign-in by scanning, then signed in; it cannot be turned off", async ({ page }) => {
  const { email, password } = E2E_REQUIRED_2FA;
  const before = await lastMessageId(page.request, email);
  await page.goto("/login");
  await signIn(page, email, password);
  await expect(page, "the required-2FA user must have no method yet: run against a fresh database").toHaveURL(/\/login\/two-factor\/setup$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up two-step verification");
  for (const method of ["Authenticator app", "Email codes", "Text message codes"]) {
    await expect(page.getByRole("radio", { name: new RegExp(`^${method}`) })).toBeVisible();
  }

  // Not signed in yet: account pages are out of reach, and the setup is still waiting.
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeUndefined();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
  await page.goto("/login/two-factor/setup");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Set up two-step verification");

  await page.getByRole("radio", { name: /^Authenticator app/ }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  const secret = await scanAuthenticatorSetup(page, email);
  const { code } = await totpCode(secret);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify and finish" }).click();
  await expect(page).toHaveURL(/\/account$/);
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeDefined();
  await latestEmail(page.request, email, "Gatehouse: Two-step verification was turned on", before);

  await page.goto("/account/security/two-step");
  const status = page.getByTestId("two-factor-status");
  await expect(status.getByText("On", { exact: true })).toBeVisible();
  await expect(status).toContainText("Authenticator app");
  await expect(page.getByTestId("two-factor-required")).toContainText("Required for your account");
  await expect(page.getByRole("button", { name: "Turn off two-step verification" })).toHaveCount(0);
});
