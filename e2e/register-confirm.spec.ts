// Guarantee: a new account must prove its email before it can sign in, through a single-use link
// read from the outbox; an existing address gets the same page (no enumeration) and its owner an email.
import { confirmByLink, emailCount, expect, latestEmail, linkFrom, register, signIn, strongPassword, test, uniqueEmail } from "./support/fixtures";

test("register, confirm by email link, then sign in", async ({ page }) => {
  const email = uniqueEmail();
  const password = strongPassword();
  await register(page, email, password);
  await expect(page.getByTestId("notice")).toContainText("we sent you a link to confirm your address");

  await page.goto("/login");
  await signIn(page, email, password);
  await expect(page.getByTestId("form-message")).toContainText("Confirm your email address first");

  const mail = await latestEmail(page.request, email, "Gatehouse: Welcome");
  const confirmPath = linkFrom(mail.text, "/confirm/");
  // Opening the link (as a mail scanner does) confirms nothing: it takes the button.
  await page.goto(confirmPath);
  await page.goto("/login");
  await signIn(page, email, password);
  await expect(page.getByTestId("form-message")).toContainText("Confirm your email address first");
  await confirmByLink(page, confirmPath);
  await expect(page).toHaveURL(/\/login\?notice=EMAIL_CONFIRMED/);
  await expect(page.getByTestId("notice")).toContainText("Your email address is confirmed.");

  // The link is single-use.
  await confirmByLink(page, confirmPath);
  await expect(page.getByTestId("notice")).toContainText("is already confirmed");

  await signIn(page, email.toUpperCase(), password);
  await expect(page).toHaveURL(/\/account$/);
  await expect(page.getByRole("main")).toContainText(email);
  await expect(page.getByRole("main")).toContainText("Confirmed");
});

test("registering an existing email looks the same and mails the owner", async ({ page, browser }) => {
  const email = uniqueEmail();
  await register(page, email, strongPassword());
  // The welcome email is written after the registration's answer: count from once it is there.
  const welcome = await latestEmail(page.request, email, "Gatehouse: Welcome");
  const before = await emailCount(page.request, email);

  const other = await browser.newContext({ extraHTTPHeaders: { "x-forwarded-for": "10.9.9.9" } });
  const second = await other.newPage();
  await register(second, email, strongPassword());
  await expect(second.getByTestId("notice")).toContainText("we sent you a link to confirm your address");
  const mail = await latestEmail(second.request, email, "Gatehouse: You already have an account", welcome.id);
  expect(mail.text).toMatch(/tried to register/i);
  expect(await emailCount(page.request, email)).toBe(before + 1);
  await other.close();
});

test("register shows field errors from the client and the server", async ({ page }) => {
  await page.goto("/register");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("email-error")).toHaveText("Enter your email address.");

  await page.getByLabel("Email").fill(uniqueEmail());
  await page.getByLabel("Password", { exact: true }).fill("password123");
  await page.getByLabel("Confirm password").fill("password123");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("password-error")).toContainText("too common");
  await expect(page.getByLabel("Password", { exact: true })).toHaveAttribute("aria-invalid", "true");

  await page.getByLabel("Password", { exact: true }).fill(strongPassword());
  await page.getByLabel("Confirm password").fill("something else entirely");
  await page.getByRole("button", { name: "Create account" }).click();
  await expect(page.getByTestId("passwordConfirm-error")).toHaveText("The passwords don't match.");
});

test("a tampered confirmation link is refused with a clear message", async ({ page }) => {
  await page.goto("/confirm/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA");
  await expect(page).toHaveURL(/\/confirm\?notice=INVALID_CONFIRMATION_TOKEN/);
  await expect(page.getByTestId("notice")).toContainText("That confirmation link isn't valid.");
  for (const path of ["/confirm/%00%ff", "/confirm/%ff", "/reset-password/%E0%A4%A", "/confirm/" + "A".repeat(5000)]) {
    const response = await page.request.get(path, { maxRedirects: 0 });
    expect(response.status(), path).toBeGreaterThanOrEqual(300);
    expect(response.status(), path).toBeLessThan(500);
  }
});

test("resend confirmation answers the same for any address and mails only unconfirmed owners", async ({ page }) => {
  const email = uniqueEmail();
  await register(page, email, strongPassword());
  // The welcome email is written after the registration's answer: count from once it is there.
  await latestEmail(page.request, email, "Gatehouse: Welcome");
  const before = await emailCount(page.request, email);
  await page.goto(`/confirm?email=${encodeURIComponent(email)}`);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByTestId("form-message")).toContainText("we've sent it a new confirmation link");
  await expect.poll(() => emailCount(page.request, email)).toBe(before + 1);

  const nobody = uniqueEmail("nobody");
  await page.getByLabel("Email").fill(nobody);
  await page.getByRole("button", { name: "Send confirmation link" }).click();
  await expect(page.getByTestId("form-message")).toContainText("we've sent it a new confirmation link");
  expect(await emailCount(page.request, nobody)).toBe(0);
});
