// Guarantee: the account's set-up pages read in the user's language — a signed-in user whose browser
// asks for German changes the password, adds and removes a passkey and generates recovery codes
// finding every control by its German words; each page's heading is German and no page shows a
// catalogue key; in Arabic the same pages are right to left (decision 070).
import type { Browser, Page } from "@playwright/test";
import { expect, newSignedInUser, strongPassword, test } from "./support/fixtures";
import { expectDocument, expectNoRawKey, say, type Language } from "./support/languages";
import { addVirtualAuthenticator } from "./support/passkeys";
import { recordedSecrets } from "./support/secrets";
import { MAILBOX_HEADERS } from "./support/server";

/** A browser asking for `language` (Accept-Language), holding the session `english` signed in. */
async function signedInAs(language: Language, english: Page, browser: Browser, ip: string): Promise<Page> {
  const context = await browser.newContext({ locale: language === "de" ? "de-DE" : language, extraHTTPHeaders: { ...MAILBOX_HEADERS, "x-forwarded-for": ip } });
  await context.addCookies(await english.context().cookies());
  return context.newPage();
}

// Nine pages and a password change: more than one page's worth of time.
test.describe.configure({ timeout: 180_000 });

const PAGES = [
  ["/account/password", "account.password.title"],
  ["/account/username", "account.username.title"],
  ["/account/email", "account.email.title"],
  ["/account/delete", "account.delete.title"],
  ["/account/connections", "account.connections.title"],
  ["/account/security/two-step", "account.twoStep.title"],
  ["/account/security/passkeys", "account.passkeys.title"],
  ["/account/security/sign-in-codes", "account.signInCodes.title"],
  ["/account/security/recovery-codes", "account.recoveryCodes.title"],
] as const;

test("German: every set-up page reads in German, and the password changes with German words", async ({ page: english, browser, ip }) => {
  const { password } = await newSignedInUser(english);
  const page = await signedInAs("de", english, browser, ip);
  for (const [path, title] of PAGES) {
    const response = await page.goto(path);
    await expectDocument(page, "de", "ltr");
    // A page whose feature the suite's server leaves off (usernames: e2e/username.spec.ts runs its own) is not there.
    if (response?.status() === 404) {
      test.info().annotations.push({ type: "feature off", description: path });
      continue;
    }
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("de", title));
    await expect(page).toHaveTitle(new RegExp(say("de", title)));
    await expectNoRawKey(page);
  }

  await page.goto("/account/password");
  const form = page.getByRole("form", { name: say("de", "account.password.change") });
  // An empty form is refused in the browser, in German (the input checks' words).
  await form.getByRole("button", { name: say("de", "account.password.change") }).click();
  await expect(page.getByTestId("password-error")).toHaveText(say("de", "schema.currentPasswordMissing"));
  const next = strongPassword();
  await form.getByLabel(say("de", "account.password.current")).fill(password);
  await form.getByLabel(say("de", "account.password.new"), { exact: true }).fill(next);
  await form.getByLabel(say("de", "account.password.confirm")).fill(next);
  await form.getByRole("button", { name: say("de", "account.password.change") }).click();
  // Hashing the new password takes a while on a busy machine.
  await expect(page).toHaveURL(/\/account\?notice=PASSWORD_CHANGE/, { timeout: 30_000 });
  await expect(page.getByTestId("notice")).toContainText(say("de", "errors.PASSWORD_CHANGE"));
  await page.context().close();
});

test("German: add a passkey, see it described, remove it", async ({ page: english, browser, ip }) => {
  await newSignedInUser(english);
  const page = await signedInAs("de", english, browser, ip);
  await addVirtualAuthenticator(page);
  await page.goto("/account/security/passkeys");
  await expect(page.getByRole("heading", { name: say("de", "account.passkeys.none") })).toBeVisible();
  const form = page.getByRole("form", { name: say("de", "account.passkeys.addTitle") });
  await form.getByLabel(say("de", "account.passkeys.name")).fill("Arbeitslaptop");
  await form.getByRole("radio", { name: new RegExp(`^${say("de", "account.passkeys.usage.first.label")}`) }).check();
  await form.getByRole("button", { name: say("de", "account.passkeys.addButton") }).click();
  await expect(page).toHaveURL(/notice=WEBAUTHN_REGISTER_SUCCESSFUL/);
  await expect(page.getByTestId("notice")).toContainText(say("de", "errors.WEBAUTHN_REGISTER_SUCCESSFUL"));
  const item = page.getByTestId("passkey-item");
  await expect(item).toContainText(say("de", "account.passkeys.neverUsed"));
  await expect(item).toContainText(say("de", "account.passkeys.transports.internal"));
  await expect(page.getByRole("heading", { name: "1 Passkey", exact: true })).toBeVisible();
  await expectNoRawKey(page);

  await item.getByRole("button", { name: say("de", "account.passkeys.removeAria", { name: "Arbeitslaptop" }) }).click();
  const confirm = page.getByRole("group", { name: say("de", "account.passkeys.removeQuestion", { name: "Arbeitslaptop" }) });
  await confirm.getByRole("button", { name: say("de", "account.passkeys.removePasskey") }).click();
  await expect(page).toHaveURL(/notice=WEBAUTHN_CREDENTIAL_DELETED/);
  await expect(page.getByTestId("notice")).toContainText(say("de", "errors.WEBAUTHN_CREDENTIAL_DELETED"));
  await expect(page.getByTestId("passkey-item")).toHaveCount(0);
  await page.context().close();
});

test("German: generate recovery codes, then a new set; Arabic: the page is right to left", async ({ page: english, browser, ip }) => {
  await newSignedInUser(english);
  const page = await signedInAs("de", english, browser, ip);
  await page.goto("/account/security/recovery-codes");
  await expect(page.getByTestId("recovery-codes-status")).toHaveText(say("de", "account.recoveryCodes.none"));
  await page.getByRole("button", { name: say("de", "account.recoveryCodes.generate") }).click();
  const list = page.getByRole("list", { name: say("de", "account.recoveryCodes.listLabel") });
  await expect(list.locator("code")).toHaveCount(5);
  recordedSecrets("recovery-code", await list.locator("code").allTextContents());
  await expect(page.getByTestId("recovery-codes-warning")).toContainText(say("de", "account.recoveryCodes.saveTitle"));
  await expect(page.getByRole("button", { name: say("de", "account.recoveryCodes.copy") })).toBeVisible();
  await expectNoRawKey(page);

  await page.reload();
  await expect(page.getByTestId("recovery-codes-status")).toHaveText(say("de", "account.recoveryCodes.left", { remaining: "5", total: "5" }));
  await page.getByRole("button", { name: say("de", "account.recoveryCodes.generateNew") }).click();
  await expect(page.getByTestId("generate-confirmation")).toHaveText(say("de", "account.recoveryCodes.replaceQuestion"));
  await page.getByRole("button", { name: say("de", "account.recoveryCodes.yes") }).click();
  await expect(page.getByRole("list", { name: say("de", "account.recoveryCodes.listLabel") }).locator("code")).toHaveCount(5);
  recordedSecrets("recovery-code", await page.getByTestId("recovery-codes").locator("code").allTextContents());
  await expect(page.getByText(say("de", "errors.RECOVERY_CODES_GENERATED"))).toBeVisible();
  await page.context().close();

  const arabic = await signedInAs("ar", english, browser, ip);
  for (const [path, title] of PAGES.filter(([path]) => path.startsWith("/account/security/"))) {
    await arabic.goto(path);
    await expectDocument(arabic, "ar", "rtl");
    await expect(arabic.getByRole("heading", { level: 1 })).toHaveText(say("ar", title));
    await expectNoRawKey(arabic);
  }
  // Recovery codes stay left to right inside the Arabic page.
  await arabic.goto("/account/security/recovery-codes");
  await arabic.getByRole("button", { name: say("ar", "account.recoveryCodes.generateNew") }).click();
  await arabic.getByRole("button", { name: say("ar", "account.recoveryCodes.yes") }).click();
  await expect(arabic.getByTestId("recovery-codes")).toHaveAttribute("dir", "ltr");
  recordedSecrets("recovery-code", await arabic.getByTestId("recovery-codes").locator("code").allTextContents());
  await arabic.context().close();
});
