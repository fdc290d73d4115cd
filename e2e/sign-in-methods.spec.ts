// Guarantee: sign-in methods are set up only after a code proves them, and then sign in through
// the one sign-in box: a texted code or an authenticator code is a complete sign-in (it is
// itself a second factor), a password still needs the second factor; removal takes effect.
import type { Page } from "@playwright/test";
import { expect, newSignedInUser, randomIp, signIn, test, switchToCode } from "./support/fixtures";
import { codeFrom, lastMessageId, latestSms, scanAuthenticatorSetup, setUpEmailCodes, signOut, totpCode } from "./support/two-factor";

function phoneNumber(): { typed: string; e164: string } {
  const line = String(1000 + Math.floor(Math.random() * 9000));
  return { typed: `(415) 555-${line}`, e164: `+1415555${line}` };
}

async function setUpSms(page: Page): Promise<string> {
  const phone = phoneNumber();
  await page.goto("/account/security/sign-in-codes");
  await page.getByRole("button", { name: "Set up Text message codes" }).click();
  await page.getByLabel("Phone number").fill(phone.typed);
  const before = await lastMessageId(page.request, phone.e164, "sms");
  await page.getByRole("button", { name: "Send code" }).click();
  await expect(page.getByTestId("setup-instructions")).toContainText("+1 ••• ••• ");
  await page.getByLabel("Code", { exact: true }).fill(codeFrom((await latestSms(page.request, phone.e164, before)).text));
  await page.getByRole("button", { name: "Verify and add" }).click();
  await expect(page).toHaveURL(/notice=US_SETUP_SUCCESSFUL/);
  await expect(page.getByTestId("sign-in-method-sms")).toContainText("Active");
  return phone.e164;
}

test("a texted code signs in without the password — even with two-factor on — and the phone number is an identity", async ({ page }) => {
  const { email } = await newSignedInUser(page);
  const phone = await setUpSms(page);
  await setUpEmailCodes(page, email); // two-factor by email: must not be asked after an SMS code
  await signOut(page);

  await page.getByLabel("Email").fill(`+1 ${phone.slice(2, 5)} ${phone.slice(5, 8)} ${phone.slice(8)}`);
  const before = await lastMessageId(page.request, phone, "sms");
  await switchToCode(page);
  await page.getByRole("button", { name: "Text me a code" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("If that account exists, we've sent it a code.");
  await page.getByLabel("One-time code", { exact: true }).fill(codeFrom((await latestSms(page.request, phone, before)).text));
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("an authenticator sign-in method: scanned, proven, then its code signs in; removing it stops that", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  await page.goto("/account/security/sign-in-codes");
  await page.getByRole("button", { name: "Set up Authenticator app" }).click();
  const secret = await scanAuthenticatorSetup(page, email);
  await page.getByLabel("Code", { exact: true }).fill("000000");
  await page.getByRole("button", { name: "Verify and add" }).click();
  await expect(page.getByTestId("code-error")).toBeVisible();
  const first = await totpCode(secret);
  await page.getByLabel("Code", { exact: true }).fill(first.code);
  await page.getByRole("button", { name: "Verify and add" }).click();
  await expect(page).toHaveURL(/notice=US_SETUP_SUCCESSFUL/);
  await signOut(page);

  // The next step's code (the setup's is spent): a complete sign-in.
  const next = await totpCode(secret, { afterStep: first.step });
  await signIn(page, email, next.code);
  await expect(page).toHaveURL(/\/account$/);

  await page.goto("/account/security/sign-in-codes");
  await page.getByRole("button", { name: "Remove Authenticator app" }).click();
  await page.getByRole("button", { name: "Remove", exact: true }).click();
  await expect(page).toHaveURL(/notice=US_METHOD_REMOVED/);
  await expect(page.getByTestId("sign-in-method-authenticator")).toContainText("Not set up");
  await signOut(page);
  const later = await totpCode(secret, { afterStep: next.step });
  await signIn(page, email, later.code);
  await expect(page.getByTestId("form-message")).toHaveText("That email and password don't match.");
  // The password still works.
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
});

// Threat: anyone with an account tests phone numbers to learn which belong to other accounts.
test("a phone number already used by another account: the form answers as for any number; only the phone's holder learns it is taken", async ({
  page,
  browser,
}) => {
  await newSignedInUser(page);
  const phone = await setUpSms(page);
  const other = await browser.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
  const otherPage = await other.newPage();
  await newSignedInUser(otherPage);
  await otherPage.goto("/account/security/sign-in-codes");
  await otherPage.getByRole("button", { name: "Set up Text message codes" }).click();
  await otherPage.getByLabel("Phone number").fill(phone);
  const before = await lastMessageId(otherPage.request, phone, "sms");
  await otherPage.getByRole("button", { name: "Send code" }).click();
  await expect(otherPage.getByTestId("setup-instructions")).toContainText("+1 ••• ••• ");
  // Whoever holds the phone gets the code; with it, confirming says the number is taken.
  await otherPage.getByLabel("Code", { exact: true }).fill(codeFrom((await latestSms(otherPage.request, phone, before)).text));
  await otherPage.getByRole("button", { name: "Verify and add" }).click();
  await expect(otherPage.getByTestId("form-message")).toContainText("Another account already uses this.");
  await other.close();
});
