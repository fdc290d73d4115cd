// Guarantee: a user without their authenticator can finish signing in with a code emailed to the
// account, or ask the helpdesk for help; cancelling forgets the half-finished sign-in for good.
import { expect, newSignedInUser, test } from "./support/fixtures";
import {
  cookieNamed,
  emailedCode,
  emailMatching,
  lastMessageId,
  setUpAuthenticator,
  signInToSecondStep,
  signOut,
  submitSignInCode,
} from "./support/two-factor";

const HELPDESK = "helpdesk@e2e.test";

test("rescue by email: a sign-in code emailed to the account finishes the sign-in", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  await setUpAuthenticator(page, email);
  await signOut(page);

  await signInToSecondStep(page, email, password);
  await page.getByRole("link", { name: "Can't use your authenticator app?" }).click();
  await expect(page).toHaveURL(/\/login\/two-factor\/rescue$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Can't use your authenticator app?");

  const before = await lastMessageId(page.request, email);
  await page.getByRole("button", { name: "Email me a sign-in code" }).click();
  await expect(page).toHaveURL(/\/login\/two-factor\?notice=TWO_FACTOR_RESCUE_SENT$/);
  await expect(page.getByTestId("notice")).toContainText("We've emailed a sign-in code to your account's email address.");
  const { code } = await emailedCode(page.request, email, before);
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeUndefined();

  await submitSignInCode(page, code);
  await expect(page).toHaveURL(/\/account$/);
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeDefined();
});

test("ask the site administrator for help: the helpdesk is mailed about this account, nobody is signed in", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  await setUpAuthenticator(page, email);
  await signOut(page);

  await signInToSecondStep(page, email, password);
  await page.getByRole("link", { name: "Can't use your authenticator app?" }).click();
  await page.getByRole("button", { name: "Ask the site administrator for help" }).click();
  await expect(page.getByTestId("form-message")).toContainText("We've asked the site administrator to help you.");
  const mail = await emailMatching(
    page.request,
    HELPDESK,
    (m) => m.subject === "Gatehouse: Someone needs help signing in" && m.text.includes(email),
    `Rescue mail about ${email}`,
  );
  expect(mail.text).toContain(`${email} can't use their second sign-in step`);
  expect(mail.to).toBe(HELPDESK);

  await expect(page).toHaveURL(/\/login\/two-factor\/rescue$/);
  expect(await cookieNamed(page.context(), "gatehouse.session")).toBeUndefined();
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login\?next=%2Faccount/);
});

test("cancel sign-in forgets the pending login: the second-step pages send you back to /login", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  await setUpAuthenticator(page, email);
  await signOut(page);

  await signInToSecondStep(page, email, password);
  const pending = await cookieNamed(page.context(), "gatehouse.pending");
  expect(pending).toBeDefined();
  await page.getByRole("button", { name: "Cancel sign-in" }).click();
  await expect(page).toHaveURL(/\/login$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");

  for (const path of ["/login/two-factor", "/login/two-factor/rescue", "/login/two-factor/recovery"]) {
    await page.goto(path);
    await expect(page).toHaveURL(/\/login\?notice=TWO_FACTOR_PERMISSION_DENIED$/);
  }
  await expect(page.getByTestId("notice")).toContainText("Your sign-in has expired or wasn't started.");

  // The old pending cookie is dead on the server too, not just deleted from this browser.
  await page.context().addCookies([pending!]);
  await page.goto("/login/two-factor");
  await expect(page).toHaveURL(/\/login\?notice=TWO_FACTOR_PERMISSION_DENIED$/);
});
