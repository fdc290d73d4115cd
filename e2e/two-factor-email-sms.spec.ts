// Guarantee: email and text-message codes are sent at sign-in (and on request) to the account's own
// address or phone, finish the sign-in, and a method is only switched by a code from the new method.
import { emailCount, expect, latestEmail, newSignedInUser, test } from "./support/fixtures";
import {
  cookieNamed,
  emailedCode,
  lastMessageId,
  latestSms,
  codeFrom,
  setUpEmailCodes,
  signInToSecondStep,
  signOut,
  submitSignInCode,
} from "./support/two-factor";

const SMS_TEXT = /^Use this code to sign in to Gatehouse: \d{6}$/;

test("email codes: each sign-in emails a code, Send a new code emails another, the code signs in", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  await setUpEmailCodes(page, email);
  await expect(page.getByTestId("second-step")).toContainText("Email codes");
  await latestEmail(page.request, email, "Gatehouse: Two-step verification was turned on");
  await signOut(page);

  const beforeSignIn = await lastMessageId(page.request, email);
  await signInToSecondStep(page, email, password);
  await expect(page.getByText(`Enter the 6-digit code we emailed to ${email}.`)).toBeVisible();
  const first = await emailedCode(page.request, email, beforeSignIn); // sent by the password step itself
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeUndefined();

  await page.getByRole("button", { name: "Send a new code" }).click();
  await expect(page.getByTestId("form-message")).toHaveText("We've sent you a new code.");
  const second = await emailedCode(page.request, email, first.id);
  expect(second.id).toBeGreaterThan(first.id);

  await submitSignInCode(page, second.code);
  await expect(page).toHaveURL(/\/account$/);
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeDefined();
});

test("text message codes: a national number is stored as +1…, codes are texted to it and sign in", async ({ page }) => {
  const phone = "+14155550132";
  const { email, password } = await newSignedInUser(page);
  const emailsBefore = await emailCount(page.request, email);
  const smsBefore = await lastMessageId(page.request, phone, "sms");

  await page.goto("/account/security/two-step");
  await page.getByRole("radio", { name: /Text message/ }).check();
  await page.getByLabel("Phone number").fill("(415) 555-0132");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("setup-instructions")).toContainText("We sent a code to +1 ••• ••• 0132");
  const setupSms = await latestSms(page.request, phone, smsBefore);
  expect(setupSms.text).toMatch(SMS_TEXT);
  await page.getByLabel("Code", { exact: true }).fill(codeFrom(setupSms.text));
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(page).toHaveURL(/notice=TWO_FACTOR_ENABLED/);
  await expect(page.getByTestId("second-step")).toContainText("Text message codes");
  await expect(page.getByTestId("security-way-sms")).toContainText("+1 ••• ••• 0132");
  const enabled = await latestEmail(page.request, email, "Gatehouse: Two-step verification was turned on");
  expect(enabled.text).toMatch(/using\s+text\s+message\s+codes/);
  await signOut(page);

  await signInToSecondStep(page, email, password);
  await expect(page.getByText("Enter the 6-digit code we texted to +1 ••• ••• 0132.")).toBeVisible();
  const signInSms = await latestSms(page.request, phone, setupSms.id);
  expect(signInSms.text).toMatch(SMS_TEXT);
  await submitSignInCode(page, codeFrom(signInSms.text));
  await expect(page).toHaveURL(/\/account$/);
  // The codes went by text only: the one email is the "enabled" notice.
  expect(await emailCount(page.request, email)).toBe(emailsBefore + 1);
});

test("switching method takes a code from the new method, not the old one", async ({ page }) => {
  const phone = "+12065550143"; // not the number the SMS test uses: the two may run at once
  const { email, password } = await newSignedInUser(page);
  const beforeSetup = await lastMessageId(page.request, email);
  await setUpEmailCodes(page, email);
  const oldCode = await emailedCode(page.request, email, beforeSetup);

  await page.goto("/account/security/two-step");
  await expect(page.getByRole("heading", { name: "Change method" })).toBeVisible();
  await page.getByRole("radio", { name: /Text message/ }).check();
  await page.getByLabel("Phone number").fill("+1 206 555 0143");
  const smsBefore = await lastMessageId(page.request, phone, "sms");
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("setup-instructions")).toContainText("We sent a code to +1 ••• ••• 0143");
  const sms = await latestSms(page.request, phone, smsBefore);
  const smsCode = codeFrom(sms.text);

  // A code of the current (email) method does not switch.
  await page.getByLabel("Code", { exact: true }).fill(oldCode.code);
  await page.getByRole("button", { name: "Verify and switch" }).click();
  await expect(page.getByTestId("code-error")).toHaveText("That code isn't right. Check it and try again.");
  const other = await page.context().newPage();
  await other.goto("/account/security/two-step");
  await expect(other.getByTestId("two-factor-status")).toContainText("Email codes");
  await other.close();

  const beforeSwitch = await lastMessageId(page.request, email);
  await page.getByLabel("Code", { exact: true }).fill(smsCode);
  await page.getByRole("button", { name: "Verify and switch" }).click();
  await expect(page).toHaveURL(/notice=TWO_FACTOR_CHANGE_METHOD_SUCCESSFUL/);
  await expect(page.getByTestId("notice")).toContainText("Your two-step verification method has been changed.");
  await expect(page.getByTestId("second-step")).toContainText("Text message codes");
  const changed = await latestEmail(page.request, email, "Gatehouse: Your two-step verification method was changed", beforeSwitch);
  expect(changed.text).toMatch(/now\s+text\s+message\s+codes/);
  await signOut(page);

  // The next sign-in texts the code; nothing is emailed any more.
  const beforeSignIn = await lastMessageId(page.request, email);
  await signInToSecondStep(page, email, password);
  const signInSms = await latestSms(page.request, phone, sms.id);
  await submitSignInCode(page, codeFrom(signInSms.text));
  await expect(page).toHaveURL(/\/account$/);
  expect(await lastMessageId(page.request, email)).toBe(beforeSignIn);
});
