// Guarantee: a visitor reads every page in their language — the saved choice, else the browser's
// Accept-Language — with the right <html lang dir>; German proves the words (sign-in, registration,
// two-step verification and the emails they send), Arabic proves right to left (mirrored layout,
// codes and addresses still left to right) and stays accessible. No page shows a catalogue key, and
// the JSON API keeps English unless asked (decision 070).
import { expectAccessibleHere } from "./support/axe";
import { MAILBOX_HEADERS } from "./support/server";
import { expect, latestEmail, newSignedInUser, test, uniqueEmail } from "./support/fixtures";
import { expectDocument, expectNoRawKey, say } from "./support/languages";
import { lastMessageId } from "./support/two-factor";

test("the language setting on /account changes the pages at once, follows the user to a new browser, and writes their emails", async ({
  page,
  ip,
  browser,
}) => {
  const { email, password } = await newSignedInUser(page);
  await page.goto("/account");
  await expectDocument(page, "en", "ltr");
  await page.getByLabel(say("en", "language.label")).selectOption("de");
  await page.getByRole("button", { name: say("en", "language.save") }).click();
  await expect(page).toHaveURL(/\/account#language$/);
  await expectDocument(page, "de", "ltr");
  await expect(page.getByRole("heading", { name: say("de", "language.title") })).toBeVisible();
  await expect(page.getByLabel(say("de", "language.label"))).toHaveValue("de");
  await expectNoRawKey(page);

  // Signed out, this browser (set to English) keeps the choice (its cookie): the
  // prerendered /login in German.
  await page.context().clearCookies({ name: /session/ });
  const login = await page.goto("/login");
  expect(login?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expectDocument(page, "de", "ltr");

  // Another browser, asking for English: signing in brings the saved choice with it.
  const other = await browser.newContext({ locale: "en-US", extraHTTPHeaders: { ...MAILBOX_HEADERS, "x-forwarded-for": ip } });
  const second = await other.newPage();
  await second.goto("/login");
  await expectDocument(second, "en", "ltr");
  await second.getByLabel("Email").fill(email);
  await second.getByLabel("Password", { exact: true }).fill(password);
  await second.getByRole("button", { name: "Sign in", exact: true }).click();
  await expect(second).toHaveURL(/\/account$/);
  await expectDocument(second, "de", "ltr");
  await other.close();

  // Mail to the user is in their language, whoever's request sends it: a reset asked for in English.
  const before = await lastMessageId(page.request, email);
  expect((await page.request.post("/api/security/reset", { data: { email }, headers: { "accept-language": "en" } })).status()).toBe(200);
  const mail = await latestEmail(page.request, email, `Gatehouse: ${say("de", "emails.reset_instructions.subject")}`, before);
  expect(mail.text).toContain(say("de", "emails.reset_instructions.body"));
});

test("Arabic: the prerendered sign-in and the account pages are right to left, in Arabic, and accessible", async ({ page: english, ip, browser }) => {
  const { email } = await newSignedInUser(english);
  // A browser set to Arabic, holding the same session.
  const arabic = await browser.newContext({ locale: "ar", extraHTTPHeaders: { ...MAILBOX_HEADERS, "x-forwarded-for": ip } });
  await arabic.addCookies(await english.context().cookies());
  const page = await arabic.newPage();
  await page.goto("/account");
  await expectDocument(page, "ar", "rtl");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(say("ar", "account.overview.title"));
  await expect(page.getByRole("button", { name: say("ar", "header.signOut") })).toBeVisible();
  // The address stays left to right inside the Arabic page.
  await expect(page.locator("bdi", { hasText: email }).first()).toBeVisible();
  // Mirrored: the page's start is on the right, so the heading sits right of the page's centre.
  const heading = await page.getByRole("heading", { level: 1 }).boundingBox();
  const width = page.viewportSize()!.width;
  expect(heading!.x + heading!.width).toBeGreaterThan(width / 2);
  await expectNoRawKey(page);
  await expectAccessibleHere(page);
  for (const path of ["/account/security", "/account/sessions", "/account/activity"]) {
    await page.goto(path);
    await expectDocument(page, "ar", "rtl");
    await expectNoRawKey(page);
  }

  await page.context().clearCookies();
  const login = await page.goto("/login");
  expect(login?.headers()["x-nextjs-cache"]).toBe("HIT");
  await expectDocument(page, "ar", "rtl");
  await expectNoRawKey(page);
  await expectAccessibleHere(page);
  await arabic.close();
});

test("the JSON API answers in English with its codes unless the request asks for a language", async ({ request }) => {
  const body = { email: uniqueEmail("api-lang"), password: "not the password at all" };
  const english = await request.post("/api/security/login", { data: body, headers: { "accept-language": "" } });
  expect(english.status()).toBe(400);
  const inEnglish = (await english.json()) as { response: { code: string; errors: string[] } };
  const german = await request.post("/api/security/login", { data: body, headers: { "accept-language": "de-DE,de;q=0.9" } });
  expect(german.status()).toBe(400);
  const inGerman = (await german.json()) as { response: { code: string; errors: string[] } };
  // The same stable code; the words are the German catalogue's for it.
  expect(inGerman.response.code).toBe(inEnglish.response.code);
  expect(inGerman.response.errors).toEqual([say("de", `errors.${inGerman.response.code}`)]);
  expect(inEnglish.response.errors).not.toEqual(inGerman.response.errors);
});
