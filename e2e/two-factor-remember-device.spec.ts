// Guarantee: a device is remembered for two-factor only when the user chose "Keep me signed in" and
// passed the second factor there; a remembered device skips the code, any other browser is asked.
import { expect, newSignedInUser, signIn, test } from "./support/fixtures";
import { cookieNamed, emailedCode, lastMessageId, setUpEmailCodes, signInToSecondStep, signOut, submitSignInCode } from "./support/two-factor";

test("keep me signed in + second factor remembers this device: the next sign-in skips the code", async ({ page, browser, ip }) => {
  const { email, password } = await newSignedInUser(page);
  await setUpEmailCodes(page, email);
  await signOut(page);

  const beforeSignIn = await lastMessageId(page.request, email);
  await signInToSecondStep(page, email, password, { remember: true });
  expect(await cookieNamed(page.context(), "gatehouse.device")).toBeUndefined(); // not before the second factor
  await submitSignInCode(page, (await emailedCode(page.request, email, beforeSignIn)).code);
  await expect(page).toHaveURL(/\/account$/);
  const device = await cookieNamed(page.context(), "gatehouse.device");
  expect(device?.httpOnly).toBe(true);
  expect(device?.sameSite).toBe("Strict");
  expect(device?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 7 * 86_400);

  await signOut(page);
  expect(await cookieNamed(page.context(), "gatehouse.device")).toBeDefined(); // signing out keeps it
  const beforeRemembered = await lastMessageId(page.request, email);
  await signIn(page, email, password, { remember: true });
  await expect(page).toHaveURL(/\/account$/);
  expect(await lastMessageId(page.request, email)).toBe(beforeRemembered); // no code was even sent

  // Another browser (no device cookie) is asked for the second factor.
  const elsewhere = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": ip } });
  const other = await elsewhere.newPage();
  await signInToSecondStep(other, email, password);
  expect(await cookieNamed(elsewhere, "gatehouse.session")).toBeUndefined();
  await elsewhere.close();
});

test("without keep me signed in, passing the second factor does not remember the device", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  await setUpEmailCodes(page, email);
  await signOut(page);

  const beforeSignIn = await lastMessageId(page.request, email);
  await signInToSecondStep(page, email, password);
  await submitSignInCode(page, (await emailedCode(page.request, email, beforeSignIn)).code);
  await expect(page).toHaveURL(/\/account$/);
  expect(await cookieNamed(page.context(), "gatehouse.device")).toBeUndefined();

  await signOut(page);
  await signInToSecondStep(page, email, password, { remember: true });
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeUndefined();
});
