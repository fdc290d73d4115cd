// Guarantee: on a staging deployment that names /dev/mailbox (SECURITY_DEV_MAILBOX), the outbox —
// every sign-in link and code sent — is readable only by an admin session or with the automation
// token; an anonymous visitor is sent to sign in, anyone else gets a 403. Its links open (the HTML
// frame may open tabs outside its sandbox; text addresses are links) and a message is full width on phones.
import type { Browser, BrowserContext } from "@playwright/test";
import { E2E_ADMIN } from "./support/admin";
import { expect, latestEmail, newSignedInUser, randomIp, register, signIn, strongPassword, test, uniqueEmail } from "./support/fixtures";
import { MAILBOX_HEADERS } from "./support/server";

/** A browser that does not send the token the rest of the suite reads mail with. */
function tokenless(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: test.info().project.use.baseURL, extraHTTPHeaders: { "x-forwarded-for": randomIp() } });
}

test("anonymous: the page sends to sign in, the JSON view answers 401", async ({ browser }) => {
  const context = await tokenless(browser);
  const page = await context.newPage();
  await page.goto("/dev/mailbox");
  await expect(page).toHaveURL(/\/login\?next=%2Fdev%2Fmailbox$/);
  expect((await context.request.get("/dev/mailbox/messages")).status()).toBe(401);
  await context.close();
});

test("a signed-in user without the admin role gets 403 from both", async ({ browser }) => {
  const context = await tokenless(browser);
  const page = await context.newPage();
  await newSignedInUser(page);
  const response = await page.goto("/dev/mailbox");
  expect(response?.status()).toBe(403);
  expect((await context.request.get("/dev/mailbox/messages")).status()).toBe(403);
  await context.close();
});

test("an admin reads it without the token", async ({ browser }) => {
  const context = await tokenless(browser);
  const page = await context.newPage();
  await page.goto("/login?next=/dev/mailbox");
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/dev\/mailbox$/);
  await expect(page.getByRole("heading", { name: "Dev mailbox" })).toBeVisible();
  expect((await context.request.get("/dev/mailbox/messages")).status()).toBe(200);
  await context.close();
});

test("test automation reads it with the token; a wrong token is a 403", async ({ playwright, baseURL }) => {
  const automation = await playwright.request.newContext({ baseURL, extraHTTPHeaders: MAILBOX_HEADERS });
  const response = await automation.get("/dev/mailbox/messages");
  expect(response.status()).toBe(200);
  expect(Array.isArray((await response.json()).messages)).toBe(true);
  await automation.dispose();
  const wrong = await playwright.request.newContext({ baseURL, extraHTTPHeaders: { "x-dev-mailbox-token": "x".repeat(40) } });
  expect((await wrong.get("/dev/mailbox/messages")).status()).toBe(403);
  expect((await wrong.get("/dev/mailbox")).status()).toBe(403);
  await wrong.dispose();
});

test("a link in a message opens: from the HTML mail's frame and from the plain text", async ({ page, context }) => {
  const email = uniqueEmail("mailbox");
  await register(page, email, strongPassword());
  // The welcome mail is queued with the registration and delivered to the outbox just after: wait
  // for it, or the page may be opened before there is anything to show.
  await latestEmail(page.request, email, "Gatehouse: Welcome");
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(`/dev/mailbox?to=${encodeURIComponent(email)}`);
  const message = page.getByTestId("mailbox").getByRole("listitem").first();
  await message.getByText("Show message").click();

  // The HTML body: a sandboxed frame whose links open a new tab, outside the sandbox.
  const frame = message.frameLocator("iframe");
  const fromHtml = context.waitForEvent("page");
  await frame.locator(`a[href*="/confirm/"]`).first().click();
  const opened = await fromHtml;
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toMatch(/^\/confirm\//);
  await expect(opened.getByRole("button", { name: "Confirm my email" })).toBeVisible();
  await opened.close();

  // The text body: its address is a link too.
  const textLink = message.getByTestId("mailbox-text").getByRole("link").first();
  await expect(textLink).toHaveAttribute("href", /\/confirm\//);
  const fromText = context.waitForEvent("page");
  await textLink.click();
  expect(new URL((await fromText).url()).pathname).toMatch(/^\/confirm\//);

  // Full width on a phone: the message is as wide as the screen, not a card inside a margin.
  const box = await message.boundingBox();
  expect(box?.width).toBeGreaterThanOrEqual(388);
});
