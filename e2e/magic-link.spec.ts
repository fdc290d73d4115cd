// Guarantee: "Email me a sign-in link" signs in through a single-use emailed link opened in the
// browser that asked for it; the link is useless a second time or in another browser, and two-
// factor still applies after it.
import type { Page } from "@playwright/test";
import { expect, latestEmail, linkFrom, newSignedInUser, randomIp, test, openOtherWays } from "./support/fixtures";
import { lastMessageId, setUpAuthenticator, setUpEmailCodes, signOut, totpCode } from "./support/two-factor";
import { MAILBOX_HEADERS } from "./support/server";

async function requestLink(page: Page, email: string): Promise<string> {
  await page.goto("/login");
  await openOtherWays(page);
  await page.getByRole("link", { name: "Email me a sign-in link" }).click();
  await expect(page).toHaveURL(/\/login\/magic$/);
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByTestId("form-message")).toHaveText(/we've sent it a sign-in link/);
  const mail = await latestEmail(page.request, email, "Gatehouse: Your sign-in link");
  return linkFrom(mail.text, "/login/magic/");
}

test("a sign-in link signs in once, in the browser that asked for it", async ({ page, browser }) => {
  const { email } = await newSignedInUser(page);
  await signOut(page);
  const link = await requestLink(page, email);

  // Another browser (no binding cookie) cannot use it — and does not use it up.
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const otherPage = await other.newPage();
  await otherPage.goto(link);
  await otherPage.getByRole("button", { name: "Sign in" }).click();
  await expect(otherPage).toHaveURL(/\/login\?notice=LOGIN_OTHER_BROWSER/);
  await expect(otherPage.getByTestId("notice")).toContainText("Open the sign-in link in the browser where you asked for it.");
  await other.close();

  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/account$/);
  await signOut(page);

  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\?notice=INVALID_LOGIN_TOKEN/);
});

test("an unknown address gets the same answer and no mail", async ({ page }) => {
  await page.goto("/login/magic");
  await page.getByLabel("Email").fill("nobody-here@example.com");
  await page.getByRole("button", { name: "Email me a link" }).click();
  await expect(page.getByTestId("form-message")).toHaveText(/we've sent it a sign-in link/);
  const response = await page.request.get(`/dev/mailbox/messages?to=${encodeURIComponent("nobody-here@example.com")}`, { headers: MAILBOX_HEADERS });
  expect(((await response.json()) as { messages: unknown[] }).messages).toHaveLength(0);
});

// Threat: the inbox alone opens an account with email two-factor (link, then an emailed code).
test("after a sign-in link, email two-factor cannot finish the sign-in: the mailbox alone is refused", async ({ page }) => {
  const { email } = await newSignedInUser(page);
  await setUpEmailCodes(page, email);
  await signOut(page);
  const link = await requestLink(page, email);
  const before = await lastMessageId(page.request, email);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\/two-factor\/select$/);
  await expect(page.getByTestId("no-independent-method")).toContainText("same channel");
  // No code was emailed, and there is no way to ask for one.
  expect(await lastMessageId(page.request, email)).toBe(before);
  await page.goto("/login/two-factor/rescue");
  await expect(page.getByRole("button", { name: "Email me a sign-in code" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Ask the site administrator for help" })).toBeVisible();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
});

test("after a sign-in link, an authenticator app finishes the sign-in", async ({ page }) => {
  const { email } = await newSignedInUser(page);
  const { secret, step } = await setUpAuthenticator(page, email);
  await signOut(page);
  const link = await requestLink(page, email);
  await page.goto(link);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  // No "email me a rescue code" after an emailed first factor.
  await page.goto("/login/two-factor/rescue");
  await expect(page.getByRole("button", { name: "Email me a sign-in code" })).toHaveCount(0);
  await page.goto("/login/two-factor");
  await page.getByLabel("Code", { exact: true }).fill((await totpCode(secret, { afterStep: step })).code);
  await page.getByRole("button", { name: "Verify" }).click();
  await expect(page).toHaveURL(/\/account$/);
});
