// Guarantee: the authenticator is set up only by proving a code from the scanned QR secret; after that a
// password alone does not sign in (the app's code does), and a code that was used once is refused.
import { expect, latestEmail, newSignedInUser, test } from "./support/fixtures";
import {
  cookieNamed,
  lastMessageId,
  setUpAuthenticator,
  signInToSecondStep,
  signOut,
  startAuthenticatorSetup,
  submitSignInCode,
  totpCode,
  wrongTotpCode,
} from "./support/two-factor";

test("set up by scanning the QR code: a wrong code is refused, the app's code turns it on", async ({ page }) => {
  const { email } = await newSignedInUser(page);
  const before = await lastMessageId(page.request, email);
  await page.goto("/account/security/two-step");
  await expect(page.getByTestId("two-factor-status").getByText("Off", { exact: true })).toBeVisible();

  const secret = await startAuthenticatorSetup(page, email);
  await page.getByLabel("Code", { exact: true }).fill(await wrongTotpCode(secret));
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(page.getByTestId("code-error")).toHaveText("That code isn't right. Check it and try again.");
  await page.goto("/account/security/two-step");
  await expect(page.getByTestId("two-factor-status").getByText("Off", { exact: true })).toBeVisible();
  expect(await lastMessageId(page.request, email)).toBe(before); // nothing happened, nobody told

  const again = await startAuthenticatorSetup(page, email);
  expect(again).not.toBe(secret); // every attempt proposes a new secret
  const { code } = await totpCode(again);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(page).toHaveURL(/\/account\/security\?notice=TWO_FACTOR_ENABLED/);
  await expect(page.getByTestId("notice")).toContainText("Two-step verification is on.");
  // Back on Sign-in & security: the second step is the app now, and the level says so.
  await expect(page.getByTestId("second-step")).toContainText("Authenticator app");
  await expect(page.getByTestId("protection-level-title")).toHaveText("Two-step verification on");
  const mail = await latestEmail(page.request, email, "Gatehouse: Two-step verification was turned on", before);
  expect(mail.text).toMatch(/using\s+authenticator\s+app/);
});

test("sign-in stops at the code page until the app's code is given; a used code is refused", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  const { secret, step } = await setUpAuthenticator(page, email);
  await signOut(page);

  await signInToSecondStep(page, email, password);
  await expect(page.getByText("Enter the 6-digit code from your authenticator app.")).toBeVisible();
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeUndefined();
  // The password alone is not a session: signed-in pages still send us to /login.
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
  await page.goto("/login/two-factor"); // the pending sign-in is still there

  const signInCode = await totpCode(secret, { afterStep: step });
  await submitSignInCode(page, signInCode.code);
  await expect(page).toHaveURL(/\/account$/);
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeDefined();
  expect(await cookieNamed(page.context(), "gatehouse.pending")).toBeUndefined();

  // Replay: the same code in a new sign-in (still inside its validity window) is refused.
  await signOut(page);
  await signInToSecondStep(page, email, password);
  await submitSignInCode(page, signInCode.code);
  // A used code is refused as used (it is no guess, so it costs the account nothing).
  await expect(page.getByTestId("code-error")).toHaveText("That code was already used. Wait for the next one.");
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeUndefined();
});
