// Guarantee: a visitor whose browser asks for German registers, confirms the address and resets a
// forgotten password entirely in German — the prerendered pages, the per-request ones, the emailed
// links' pages, the checks the form makes before sending, the server's answers and the emails — and
// the same pages in Arabic are right to left with the addresses still left to right (decision 070).
import type { Page } from "@playwright/test";
import { MAILBOX_HEADERS } from "./support/server";
import { expect, latestEmail, linkFrom, strongPassword, test, uniqueEmail } from "./support/fixtures";
import { expectDocument, expectNoRawKey, say } from "./support/languages";

// Accept-Language: de-DE (the browser's language), as a German visitor's browser sends it.
test.use({ locale: "de-DE" });

const subject = (template: string) => `Gatehouse: ${say("de", `emails.${template}.subject`)}`;
/** A page's <title>: the message, then " · Gatehouse". */
const titled = (text: string) => new RegExp(`^${text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")} · `);
/** The words of a message's <link>…</link>: the link a person clicks. */
const linkIn = (message: string) => /<link>(.*)<\/link>/.exec(message)![1]!;

/** Registers through the German /register (prerendered) and returns the account; ends on the "check your email" page. */
async function registerInGerman(page: Page): Promise<{ email: string; password: string }> {
  const email = uniqueEmail("de");
  const password = strongPassword();
  await page.goto("/register");
  await page.getByLabel(say("de", "register.form.email")).fill(email);
  await page.getByLabel(say("de", "register.form.password"), { exact: true }).fill(password);
  await page.getByLabel(say("de", "register.form.confirmPassword")).fill(password);
  await page.getByRole("button", { name: say("de", "register.form.submit") }).click();
  await expect(page).toHaveURL(/\/register\/check-email/);
  return { email, password };
}

/** Opens an emailed confirmation link and presses its German button; ends on /login with the notice. */
async function confirmInGerman(page: Page, path: string): Promise<void> {
  await page.goto(path);
  await expectDocument(page, "de", "ltr");
  await expect(page).toHaveTitle(titled(say("de", "confirm.title")));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("de", "confirm.link.heading"));
  await expectNoRawKey(page);
  await page.getByRole("button", { name: say("de", "confirm.link.submit") }).click();
  await expect(page).toHaveURL(/\/login\?notice=EMAIL_CONFIRMED/);
  await expect(page.getByTestId("notice")).toContainText(say("de", "errors.EMAIL_CONFIRMED"));
}

test("registration in German: the form, its checks, the check-your-email page, the emails and the confirmation link", async ({ page }) => {
  const first = await page.goto("/register");
  // The German copy of the prerendered page, not a page rendered per request.
  expect(first?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expectDocument(page, "de", "ltr");
  await expect(page).toHaveTitle(titled(say("de", "register.title")));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("de", "register.heading"));
  await expect(page.getByRole("main").getByRole("link", { name: linkIn(say("de", "register.haveAccount")) })).toHaveAttribute("href", "/login");
  await expect(page.getByRole("button", { name: say("de", "forms.textField.showPassword") }).first()).toBeVisible();
  await expectNoRawKey(page);

  // The checks made in the browser, before anything is sent, speak German too.
  await page.getByRole("button", { name: say("de", "register.form.submit") }).click();
  await expect(page.getByTestId("email-error")).toHaveText(say("de", "schema.emailMissing"));
  await page.getByLabel(say("de", "register.form.email")).fill(uniqueEmail("de"));
  await page.getByLabel(say("de", "register.form.password"), { exact: true }).fill(strongPassword());
  await page.getByLabel(say("de", "register.form.confirmPassword")).fill("etwas ganz anderes");
  await page.getByRole("button", { name: say("de", "register.form.submit") }).click();
  await expect(page.getByTestId("passwordConfirm-error")).toHaveText(say("de", "schema.passwordsMismatch"));
  // And the server's: a common password.
  await page.getByLabel(say("de", "register.form.password"), { exact: true }).fill("password123");
  await page.getByLabel(say("de", "register.form.confirmPassword")).fill("password123");
  await page.getByRole("button", { name: say("de", "register.form.submit") }).click();
  await expect(page.getByTestId("password-error")).toContainText(say("de", "errors.PASSWORD_TOO_COMMON"));

  const { email } = await registerInGerman(page);
  await expectDocument(page, "de", "ltr");
  await expect(page).toHaveTitle(titled(say("de", "register.checkEmail.title")));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("de", "register.checkEmail.title"));
  await expect(page.getByRole("main")).toContainText(email);
  await expect(page.getByTestId("notice")).toHaveText(say("de", "errors.CONFIRM_REGISTRATION"));
  await expectNoRawKey(page);

  // The account took the language it registered in: its welcome email is German.
  const welcome = await latestEmail(page.request, email, subject("welcome"));
  expect(welcome.text).toContain(say("de", "emails.welcome.body"));

  // "Send the link again": /confirm with the address, rendered per request, in German; the new
  // confirmation email is German too.
  await page
    .getByRole("main")
    .getByRole("link", { name: linkIn(say("de", "register.checkEmail.nothingArrived")) })
    .click();
  await expect(page).toHaveURL(/\/confirm\?email=/);
  await expectDocument(page, "de", "ltr");
  await expect(page).toHaveTitle(titled(say("de", "confirm.title")));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("de", "confirm.resend.heading"));
  await expect(page.getByLabel(say("de", "confirm.resend.email"))).toHaveValue(email);
  await expectNoRawKey(page);
  await page.getByRole("button", { name: say("de", "confirm.resend.submit") }).click();
  await expect(page.getByTestId("form-message")).toHaveText(say("de", "errors.CONFIRMATION_REQUEST"));
  const mail = await latestEmail(page.request, email, subject("confirmation_instructions"), welcome.id);
  expect(mail.text).toContain(say("de", "emails.confirmation_instructions.body"));
  expect(mail.text).toContain(say("de", "emails.layout.hello", { email }));

  await confirmInGerman(page, linkFrom(mail.text, "/confirm/"));
});

test("forgot password → emailed link → new password, in German", async ({ page }) => {
  const { email } = await registerInGerman(page);
  const welcome = await latestEmail(page.request, email, subject("welcome"));
  await confirmInGerman(page, linkFrom(welcome.text, "/confirm/"));

  const first = await page.goto("/forgot-password");
  expect(first?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expectDocument(page, "de", "ltr");
  await expect(page).toHaveTitle(titled(say("de", "recovery.forgot.title")));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("de", "recovery.forgot.title"));
  await expectNoRawKey(page);
  await page.getByLabel(say("de", "recovery.forgot.email")).fill("keine-adresse");
  await page.getByRole("button", { name: say("de", "recovery.forgot.submit") }).click();
  await expect(page.getByTestId("email-error")).toHaveText(say("de", "schema.emailInvalid"));
  await page.getByLabel(say("de", "recovery.forgot.email")).fill(email);
  await page.getByRole("button", { name: say("de", "recovery.forgot.submit") }).click();
  await expect(page.getByTestId("form-message")).toHaveText(say("de", "errors.PASSWORD_RESET_REQUEST"));

  const mail = await latestEmail(page.request, email, subject("reset_instructions"), welcome.id);
  expect(mail.text).toContain(say("de", "emails.reset_instructions.body"));
  await page.goto(linkFrom(mail.text, "/reset-password/"));
  await expectDocument(page, "de", "ltr");
  await expect(page).toHaveTitle(titled(say("de", "recovery.reset.title")));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("de", "recovery.reset.title"));
  await expect(page.getByText(say("de", "recovery.reset.hint", { minLength: "8" }))).toBeVisible();
  await expectNoRawKey(page);
  const newPassword = strongPassword();
  await page.getByLabel(say("de", "recovery.reset.newPassword"), { exact: true }).fill(newPassword);
  await page.getByLabel(say("de", "recovery.reset.confirm")).fill("etwas ganz anderes");
  await page.getByRole("button", { name: say("de", "recovery.reset.submit") }).click();
  await expect(page.getByTestId("passwordConfirm-error")).toHaveText(say("de", "schema.passwordsMismatch"));
  await page.getByLabel(say("de", "recovery.reset.confirm")).fill(newPassword);
  await page.getByRole("button", { name: say("de", "recovery.reset.submit") }).click();
  await expect(page).toHaveURL(/\/login\?notice=PASSWORD_RESET_NO_LOGIN/);
  await expect(page.getByTestId("notice")).toContainText(say("de", "errors.PASSWORD_RESET_NO_LOGIN"));
  await latestEmail(page.request, email, subject("reset_notice"), mail.id);
});

test("Arabic: /register and the other prerendered anonymous pages are right to left, in Arabic, with addresses left to right", async ({ browser, ip }) => {
  const arabic = await browser.newContext({ locale: "ar", extraHTTPHeaders: { ...MAILBOX_HEADERS, "x-forwarded-for": ip } });
  const page = await arabic.newPage();
  const first = await page.goto("/register");
  expect(first?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expectDocument(page, "ar", "rtl");
  await expect(page).toHaveTitle(titled(say("ar", "register.title")));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("ar", "register.heading"));
  const email = page.getByLabel(say("ar", "register.form.email"));
  await expect(email).toHaveAttribute("dir", "ltr");
  // Mirrored: the password field's show button sits at the field's end, which in Arabic is its left.
  const password = await page.getByLabel(say("ar", "register.form.password"), { exact: true }).boundingBox();
  const show = await page
    .getByRole("button", { name: say("ar", "forms.textField.showPassword") })
    .first()
    .boundingBox();
  expect(show!.x + show!.width / 2).toBeLessThan(password!.x + password!.width / 2);
  await expectNoRawKey(page);
  // A check made in the browser, in Arabic.
  await page.getByRole("button", { name: say("ar", "register.form.submit") }).click();
  await expect(page.getByTestId("email-error")).toHaveText(say("ar", "schema.emailMissing"));

  for (const [path, title] of [
    ["/forgot-password", "recovery.forgot.title"],
    ["/confirm", "confirm.resend.heading"],
  ] as const) {
    await page.goto(path);
    await expectDocument(page, "ar", "rtl");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("ar", title));
    await expectNoRawKey(page);
  }
  await arabic.close();
});
