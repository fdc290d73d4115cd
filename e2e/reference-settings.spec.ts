// Guarantee: with the reference's SECURITY_AUTO_LOGIN_AFTER_CONFIRM and SECURITY_AUTO_LOGIN_AFTER_RESET on, the
// confirmation link signs the new account in, and a reset signs in only through the second step when the account
// has an authenticator (no session until the app's code). The isLocked hook is code (lib/security/plugins.ts), not
// a setting, so no server can be started with one: tests/integration/plugins.is-locked-hook-blocks-every-path covers it.
import type { Browser, Page } from "@playwright/test";
import { expect, latestEmail, linkFrom, randomIp, register, strongPassword, test, uniqueEmail } from "./support/fixtures";
import { startInstance, type Instance } from "./support/instance";
import { REFERENCE_SETTINGS_PORT } from "./support/server";
import { cookieNamed, setUpAuthenticator, signOut, submitSignInCode, totpCode } from "./support/two-factor";

// One instance on a fixed port, owned by one worker.
test.describe.configure({ mode: "serial" });

let instance: Instance;

test.beforeAll(async () => {
  instance = await startInstance(REFERENCE_SETTINGS_PORT, { SECURITY_AUTO_LOGIN_AFTER_CONFIRM: "true", SECURITY_AUTO_LOGIN_AFTER_RESET: "true" });
});
test.afterAll(() => instance?.stop());

async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: instance.url, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  return context.newPage();
}

/** Registers on the page and presses the button of the emailed confirmation link. */
async function registerAndConfirm(page: Page, email: string, password: string): Promise<void> {
  await register(page, email, password);
  const welcome = await latestEmail(page.request, email, "Gatehouse: Welcome");
  await page.goto(linkFrom(welcome.text, "/confirm/"));
  await page.getByRole("button", { name: "Confirm my email" }).click();
}

test("register → the confirmation link from the outbox → signed in", async ({ browser }) => {
  const page = await openPage(browser);
  const email = uniqueEmail("auto-confirm");
  await registerAndConfirm(page, email, strongPassword());
  await expect(page).toHaveURL(/\/account\?notice=EMAIL_CONFIRMED$/);
  await expect(page.getByTestId("notice")).toContainText("Your email address is confirmed.");
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeDefined();
  // How it signed in, as the sessions page says it.
  await page.goto("/account/sessions");
  await expect(page.getByText("emailed confirmation link").first()).toBeVisible();
  await page.context().close();
});

test("with an authenticator, a reset lands on the second step; the app's code signs in", async ({ browser }) => {
  const page = await openPage(browser);
  const email = uniqueEmail("auto-reset");
  await registerAndConfirm(page, email, strongPassword());
  await expect(page).toHaveURL(/\/account/);
  const { secret, step } = await setUpAuthenticator(page, email);
  await signOut(page);

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByTestId("form-message")).toContainText("we've sent it a link to reset your password");
  const mail = await latestEmail(page.request, email, "Gatehouse: Reset your password");
  await page.goto(linkFrom(mail.text, "/reset-password/"));
  const newPassword = strongPassword();
  await page.getByLabel("New password", { exact: true }).fill(newPassword);
  await page.getByLabel("Confirm new password").fill(newPassword);
  await page.getByRole("button", { name: "Set new password" }).click();

  await expect(page).toHaveURL(/\/login\/two-factor$/);
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeUndefined();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
  await page.goto("/login/two-factor");
  await submitSignInCode(page, (await totpCode(secret, { afterStep: step })).code);
  await expect(page).toHaveURL(/\/account$/);
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeDefined();
  await page.context().close();
});
