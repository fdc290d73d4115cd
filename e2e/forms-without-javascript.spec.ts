// Guarantee: the account forms work before their page's script has run and without JavaScript at
// all, as Flask-Security's do: the browser posts the form to its server action and the page comes
// back with the answer (errors under the fields, or the redirect). A form that cannot work without
// a script (a passkey needs WebAuthn) does nothing until it has one, and no form ever sends its
// fields, a password among them, in a URL.
import type { Page } from "@playwright/test";
import { confirmByLink, expect, latestEmail, linkFrom, newSignedInUser, register, signIn, strongPassword, test, uniqueEmail } from "./support/fixtures";
import { scanAuthenticatorSetup, signOut, totpCode, wrongTotpCode } from "./support/two-factor";

test.use({ javaScriptEnabled: false });

/** The page is where the form was, with no query string: nothing the form held went into a URL. */
async function expectNoFieldsInTheUrl(page: Page, path: string): Promise<void> {
  const url = new URL(page.url());
  expect(url.pathname).toBe(path);
  expect(url.search, "no field of the form in the URL").toBe("");
}

test("register, confirm and sign in with JavaScript off", async ({ page }) => {
  const email = uniqueEmail("nojs");
  const password = strongPassword();
  await page.goto("/register");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByLabel("Confirm password").fill("not the same password");
  await page.getByRole("button", { name: "Create account" }).click();
  // The server's check, rendered into the page the post came back with.
  await expectNoFieldsInTheUrl(page, "/register");
  await expect(page.getByTestId("passwordConfirm-error")).toBeVisible();

  await register(page, email, password);
  const mail = await latestEmail(page.request, email, "Gatehouse: Welcome");
  await confirmByLink(page, linkFrom(mail.text, "/confirm/"));
  await expect(page).toHaveURL(/\/login\?notice=EMAIL_CONFIRMED/);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/account$/);
});

test("change the password with JavaScript off: a wrong current password is shown under its field, the right one changes it", async ({ page }) => {
  const { password } = await newSignedInUser(page);
  await page.goto("/account/password");
  const next = strongPassword();
  await page.getByLabel("Current password").fill("wrong current password");
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expectNoFieldsInTheUrl(page, "/account/password");
  await expect(page.getByTestId("password-error")).toHaveText("That password isn't right.");

  await page.getByLabel("Current password").fill(password);
  await page.getByLabel("New password", { exact: true }).fill(next);
  await page.getByLabel("Confirm new password").fill(next);
  await page.getByRole("button", { name: "Change password" }).click();
  await expect(page).toHaveURL(/\/account\?notice=PASSWORD_CHANGE/);
  await expect(page.getByTestId("notice")).toContainText("Your password has been changed.");
});

test("two-step set-up and sign-in with JavaScript off: the QR code comes back with the page, a wrong code keeps it", async ({ page }) => {
  const { email, password } = await newSignedInUser(page);
  await page.goto("/account/security/two-step");
  await page.getByRole("radio", { name: /Authenticator app/ }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("setup-instructions")).toContainText("6-digit code");
  const secret = await scanAuthenticatorSetup(page, email);

  await page.getByLabel("Code", { exact: true }).fill(await wrongTotpCode(secret));
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  await expectNoFieldsInTheUrl(page, "/account/security/two-step");
  await expect(page.getByTestId("code-error")).toBeVisible();
  // The same proposal, still on the page: its key is the secret that was scanned.
  expect((await page.getByTestId("totp-key").textContent())?.replace(/\s/g, "")).toBe(secret);

  const { code, step } = await totpCode(secret);
  await page.getByLabel("Code", { exact: true }).fill(code);
  await page.getByRole("button", { name: "Verify and turn on" }).click();
  await expect(page).toHaveURL(/notice=TWO_FACTOR_ENABLED/);

  await signOut(page);
  await signIn(page, email, password);
  await expect(page).toHaveURL(/\/login\/two-factor$/);
  // A later step than the set-up's: a code is accepted once.
  await page.getByLabel("Code", { exact: true }).fill((await totpCode(secret, { afterStep: step })).code);
  await page.getByRole("button", { name: "Verify", exact: true }).click();
  await expect(page).toHaveURL(/\/account$/);
});

test("a no-JS post whose state the browser changed is no step: the page answers with step 1, never a 500", async ({ page, baseURL }) => {
  await newSignedInUser(page);
  await page.goto("/account/security/two-step");
  await page.getByRole("radio", { name: /Authenticator app/ }).check();
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByTestId("totp-key")).toBeVisible();
  // Step 2's form as the browser would post it. React keeps the step the page showed in a hidden
  // field ($ACTION_<n>:1, the form's previous state), which a browser can send back changed.
  const form = page.locator("form").filter({ has: page.locator('input[name="setupToken"]') });
  const hidden = await form
    .locator('input[type="hidden"]')
    .evaluateAll((inputs) => inputs.map((i) => [(i as HTMLInputElement).name, (i as HTMLInputElement).value]));
  const stateField = hidden.find(([name]) => /^\$ACTION_\d+:1$/.test(name!))?.[0];
  expect(stateField, "the form carries its previous state").toBeTruthy();
  for (const changed of ['["x"]', JSON.stringify([{ setup: { method: "authenticator", enrollment: { key: {} } } }])]) {
    const answer = await page.request.post("/account/security/two-step", {
      headers: { origin: baseURL!, "sec-fetch-site": "same-origin" },
      multipart: { ...Object.fromEntries(hidden), [stateField!]: changed, code: "000000" },
    });
    expect(answer.status(), changed).toBe(200);
    const html = await answer.text();
    // Step 1 (the method choice) with the refusal, not step 2 drawn from the changed state.
    expect(html).toContain('name="method"');
    expect(html).not.toContain('data-testid="totp-key"');
  }
  // A set-up that cannot succeed any more (its token expired, or is not one) goes back to step 1
  // too: without JavaScript, step 2's "Start over" does nothing.
  const expired = await page.request.post("/account/security/two-step", {
    headers: { origin: baseURL!, "sec-fetch-site": "same-origin" },
    multipart: { ...Object.fromEntries(hidden), setupToken: "no-such-setup-token", code: "000000" },
  });
  expect(expired.status()).toBe(200);
  const html = await expired.text();
  expect(html).toContain("Setup took too long");
  expect(html).toContain('name="method"');
  expect(html).not.toContain('data-testid="totp-key"');
});

test("a refused choice without JavaScript comes back as it was chosen: text messages still checked, the number as typed, its error under it", async ({
  page,
}) => {
  await newSignedInUser(page);
  await page.goto("/account/security/two-step");
  await page.getByRole("radio", { name: /Text message/ }).check();
  // Shown by CSS once the radio is checked: no script needed.
  await page.getByLabel("Phone number").fill("12");
  await page.getByRole("button", { name: "Continue" }).click();
  await expectNoFieldsInTheUrl(page, "/account/security/two-step");
  await expect(page.getByRole("radio", { name: /Text message/ })).toBeChecked();
  await expect(page.getByLabel("Phone number")).toHaveValue("12");
  await expect(page.getByTestId("phone-error")).toBeVisible();
});

test("a form that needs its script (a passkey) does nothing without it: the name stays in its field, nothing goes into a URL", async ({ page }) => {
  await newSignedInUser(page);
  await page.goto("/account/security/passkeys");
  const form = page.getByRole("form", { name: "Add a passkey" });
  await form.getByLabel("Name").fill("Laptop");
  await form.getByRole("button", { name: "Add passkey" }).click();
  await expectNoFieldsInTheUrl(page, "/account/security/passkeys");
  await expect(form.getByLabel("Name")).toHaveValue("Laptop");
});
