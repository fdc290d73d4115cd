// Guarantee: with SECURITY_PASSWORD_REQUIRED=false an account can be created without a password
// and used through unified sign-in: an emailed code (or the link beside it) signs in, a code
// re-verifies, two-factor still applies after an emailed code, and a password can be added later.
import type { Browser, Page } from "@playwright/test";
import { chooseTwoFactorMethod, codeFrom, setUpAuthenticator, totpCode } from "./support/two-factor";
import { expect, latestEmail, linkFrom, randomIp, strongPassword, test, uniqueEmail, confirmByLink, switchToCode } from "./support/fixtures";
import { startInstance, type Instance } from "./support/instance";
import { PASSWORDLESS_PORT } from "./support/server";

// One instance on a fixed port, owned by one worker.
test.describe.configure({ mode: "serial" });

let instance: Instance;

test.beforeAll(async () => {
  instance = await startInstance(PASSWORDLESS_PORT, { SECURITY_PASSWORD_REQUIRED: "false" });
});
test.afterAll(() => instance?.stop());

async function openPage(browser: Browser): Promise<Page> {
  const context = await browser.newContext({ baseURL: instance.url, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  return context.newPage();
}

/** Registers without a password and confirms the address. */
async function registerPasswordless(page: Page): Promise<string> {
  const email = uniqueEmail("nopass");
  await page.goto("/register");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page).toHaveURL(/\/register\/check-email/);
  const welcome = await latestEmail(page.request, email, "Gatehouse: Welcome");
  await confirmByLink(page, linkFrom(welcome.text, "/confirm/"));
  await expect(page).toHaveURL(/notice=EMAIL_CONFIRMED/);
  return email;
}

/** "Email me a code" on the sign-in box; returns the code from the email (and its id). */
async function emailMeACode(page: Page, email: string, newerThan = 0): Promise<{ code: string; text: string; id: number }> {
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await switchToCode(page);
  await page.getByRole("button", { name: "Email me a code" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("If that account exists, we've sent it a code.");
  const mail = await latestEmail(page.request, email, "Gatehouse: Your verification code", newerThan);
  return { code: codeFrom(mail.text), text: mail.text, id: mail.id };
}

test("register without a password, sign in by emailed code, re-verify by code, then add a password", async ({ browser }) => {
  const page = await openPage(browser);
  const email = await registerPasswordless(page);

  const { code, id } = await emailMeACode(page, email);
  await page.getByLabel("One-time code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByText("Not set", { exact: true })).toBeVisible();

  // Freshness by code: the verify page offers only codes (there is no password).
  await page.goto("/verify?next=%2Faccount%2Factivity");
  await expect(page.getByLabel("Password", { exact: true })).toHaveCount(0);
  await page.getByRole("button", { name: "Email me a code" }).click();
  const verifyMail = await latestEmail(page.request, email, "Gatehouse: Your verification code", id);
  await page.getByLabel("One-time code", { exact: true }).fill("000000");
  await page.getByRole("button", { name: "Verify code" }).click();
  await expect(page.getByTestId("code-error")).toHaveText("That password or code isn't right.");
  await page.getByLabel("One-time code", { exact: true }).fill(codeFrom(verifyMail.text));
  await page.getByRole("button", { name: "Verify code" }).click();
  await expect(page).toHaveURL(/\/account\/activity$/);
  await expect(page.getByTestId("activity-list")).toContainText("Identity re-verified");

  // Add a password; it then signs in like any other account.
  const password = strongPassword();
  await page.goto("/account/password");
  await page.getByLabel("New password", { exact: true }).fill(password);
  await page.getByLabel("Confirm new password").fill(password);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/notice=PASSWORD_SET/);
  await page.context().clearCookies();
  await page.goto("/login");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.context().close();
});

test("the link beside an emailed code signs in once; a wrong code is refused like a wrong password", async ({ browser }) => {
  const page = await openPage(browser);
  const email = await registerPasswordless(page);
  const { text } = await emailMeACode(page, email);
  await page.getByLabel("One-time code", { exact: true }).fill("123 456");
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page.getByTestId("form-message")).toHaveText("That email and password don't match.");

  const link = linkFrom(text, "/login/magic/");
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.context().clearCookies();
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/notice=/);
  await page.context().close();
});

// An emailed sign-in code is a first factor like a password: two-factor follows it, by a second
// factor from another channel (an emailed one would be the inbox twice: refused, see
// tests/integration/two-factor.independent-channel.test.ts).
test("an emailed code is a first factor: a user with an authenticator app is asked for it after the code", async ({ browser }) => {
  const page = await openPage(browser);
  const email = await registerPasswordless(page);
  const first = await emailMeACode(page, email);
  await page.getByLabel("One-time code", { exact: true }).fill(first.code);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);

  // An account that only signs in by email cannot take email codes as its second step.
  await page.goto("/account/security/two-step");
  await chooseTwoFactorMethod(page, /^Email/);
  await expect(page.getByTestId("form-message")).toContainText("you sign in by email");

  const { secret, step } = await setUpAuthenticator(page, email);
  await page.context().clearCookies();
  const again = await emailMeACode(page, email, first.id);
  await page.getByLabel("One-time code", { exact: true }).fill(again.code);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await page.getByLabel("Code", { exact: true }).fill((await totpCode(secret, { afterStep: step })).code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await page.context().close();
});
