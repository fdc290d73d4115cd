// Guarantee: signing in reads in the visitor's language (decision 070): in German the sign-in box,
// its checks made in the browser before anything is sent, and the second step with a real
// authenticator code, every control found by its German words and no catalogue key on any page;
// in Arabic the prerendered /login is right to left.
import type { Browser, Page } from "@playwright/test";
import { expect, newSignedInUser, test } from "./support/fixtures";
import { expectDocument, expectNoRawKey, say } from "./support/languages";
import { MAILBOX_HEADERS } from "./support/server";
import { setUpAuthenticator, totpCode } from "./support/two-factor";

/** A fresh browser that asks for `locale` (Accept-Language), from the test's own address. */
async function browserIn(browser: Browser, locale: string, ip: string): Promise<Page> {
  const context = await browser.newContext({ locale, extraHTTPHeaders: { ...MAILBOX_HEADERS, "x-forwarded-for": ip } });
  return context.newPage();
}

/** The German sign-in box: identity and password, then "Anmelden". */
async function signInInGerman(page: Page, email: string, password: string): Promise<void> {
  await page.getByLabel(say("de", "signIn.login.identity.email")).fill(email);
  await page.getByLabel(say("de", "signIn.login.password"), { exact: true }).fill(password);
  await page.getByRole("button", { name: say("de", "signIn.login.submit"), exact: true }).click();
}

test("a password sign-in in German: the page, the checks made in the browser and the account after it", async ({ page: english, browser, ip }) => {
  const { email, password } = await newSignedInUser(english);
  const page = await browserIn(browser, "de-DE", ip);
  await page.goto("/login");
  await expectDocument(page, "de", "ltr");
  await expect(page).toHaveTitle(new RegExp(say("de", "signIn.login.title")));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("de", "signIn.login.title"));
  await expect(page.getByRole("form", { name: say("de", "signIn.login.formLabel") })).toBeVisible();
  // The divider between the password and the passkey is words too (it once stayed "or").
  await expect(page.getByText(say("de", "signIn.login.or"), { exact: true })).toBeVisible();
  await page
    .getByTestId("other-ways")
    .locator("summary", { hasText: say("de", "signIn.login.otherWays") })
    .click();
  await expect(page.getByLabel(say("de", "signIn.login.remember"))).toBeVisible();
  await expectNoRawKey(page);

  // Nothing typed: the browser's own check answers in German, under each field.
  await page.getByRole("button", { name: say("de", "signIn.login.submit"), exact: true }).click();
  await expect(page.getByText(say("de", "schema.emailMissing"))).toBeVisible();
  await expect(page.getByText(say("de", "schema.passwordMissing"))).toBeVisible();

  await signInInGerman(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
  await expectDocument(page, "de", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("de", "account.overview.title"));
  await expectNoRawKey(page);
  await page.context().close();
});

test("a two-step sign-in in German with the authenticator app's code", async ({ page: english, browser, ip }) => {
  const { email, password } = await newSignedInUser(english);
  const { secret, step } = await setUpAuthenticator(english, email);

  const page = await browserIn(browser, "de-DE", ip);
  await page.goto("/login");
  await signInInGerman(page, email, password);
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  await expectDocument(page, "de", "ltr");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("de", "signIn.twoFactor.code.title"));
  await expect(page.getByText(say("de", "signIn.twoFactor.code.app"))).toBeVisible();
  await expect(page.getByRole("button", { name: say("de", "signIn.twoFactor.links.cancel") })).toBeVisible();
  await expectNoRawKey(page);

  const { code } = await totpCode(secret, { afterStep: step });
  await page.getByLabel(say("de", "signIn.twoFactor.code.codeLabel"), { exact: true }).fill(code);
  await page.getByRole("button", { name: say("de", "signIn.twoFactor.code.verify"), exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("de", "account.overview.title"));
  await expectNoRawKey(page);

  // Re-verification on /verify asks in German too.
  await page.goto("/verify");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("de", "verify.title"));
  await expect(page.getByLabel(say("de", "verify.password"), { exact: true })).toBeVisible();
  await expect(page.getByRole("button", { name: say("de", "verify.continue"), exact: true })).toBeVisible();
  await expectNoRawKey(page);
  await page.context().close();
});

test("/login in Arabic is right to left, in Arabic, from the prerendered copy", async ({ browser, ip }) => {
  const page = await browserIn(browser, "ar", ip);
  const login = await page.goto("/login");
  expect(login?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expectDocument(page, "ar", "rtl");
  await expect(page).toHaveTitle(new RegExp(say("ar", "signIn.login.title")));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("ar", "signIn.login.title"));
  await expect(page.getByRole("button", { name: say("ar", "signIn.login.submit"), exact: true })).toBeVisible();
  await expect(page.getByLabel(say("ar", "signIn.login.password"), { exact: true })).toBeVisible();
  await expectNoRawKey(page);
  await page.context().close();
});
