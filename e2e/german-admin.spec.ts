// Guarantee: an administrator whose browser asks for German reads the admin console in German —
// the users list and its search, a user's page with its sections and confirmation step, the roles,
// a role, the rescue queue and the deliveries — with no catalogue key shown; in Arabic the console is
// right to left (decision 070).
import type { Browser, Page } from "@playwright/test";
import { E2E_ADMIN, E2E_REQUIRED_2FA } from "./support/admin";
import { MAILBOX_HEADERS } from "./support/server";
import { expect, newSignedInUser, signIn, test } from "./support/fixtures";
import { expectDocument, expectNoRawKey, say, type Language } from "./support/languages";

/**
 * The administrator signs in on the English sign-in page, then a browser asking for `language`
 * holds the same session (no saved choice: the language comes from Accept-Language).
 */
async function adminBrowser(page: Page, browser: Browser, ip: string, locale: string): Promise<Page> {
  await page.goto(`/login?next=${encodeURIComponent("/admin/users")}`);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(/\/admin\/users$/);
  const context = await browser.newContext({ locale, extraHTTPHeaders: { ...MAILBOX_HEADERS, "x-forwarded-for": ip } });
  await context.addCookies((await page.context().cookies()).filter((c) => c.name !== "gatehouse.locale"));
  return context.newPage();
}

async function expectHeading(page: Page, language: Language, path: string, level = 1): Promise<void> {
  await expect(page.getByRole("heading", { level, name: say(language, path), exact: true })).toBeVisible();
}

test("German: the users list, a user's page, the roles, the rescue queue and the deliveries", async ({ page: english, browser, ip }) => {
  const userContext = await browser.newContext();
  const { email } = await newSignedInUser(await userContext.newPage());
  await userContext.close();
  const page = await adminBrowser(english, browser, ip, "de-DE");
  const nav = page.getByRole("navigation", { name: say("de", "admin.nav.label") });

  // The users list and its search form.
  await page.goto("/admin/users");
  await expectDocument(page, "de", "ltr");
  await expectHeading(page, "de", "admin.users.title");
  await expect(page.getByRole("link", { name: say("de", "admin.users.export") })).toBeVisible();
  const table = page.getByTestId("users-table");
  await expect(table.getByRole("columnheader", { name: say("de", "admin.users.table.columns.email") })).toBeVisible();
  await expectNoRawKey(page);
  const search = page.getByRole("search");
  await search.getByLabel(say("de", "admin.users.form.startsWith")).fill(email);
  await search.getByLabel(say("de", "admin.users.form.in")).selectOption("email");
  await search.getByRole("button", { name: say("de", "admin.users.form.submit") }).click();
  await expect(page).toHaveURL(/[?&]q=/);
  await expectHeading(page, "de", "admin.users.search", 2);
  await expectNoRawKey(page);

  // A user's page: its sections, its actions and a confirmation step, cancelled.
  await table.getByRole("link", { name: email }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(email);
  for (const section of ["profile", "roles", "factors", "activity"]) await expectHeading(page, "de", `admin.user.${section}.title`, 2);
  // "Sitzungen (1) und API-Tokens (0)": the counts vary, the words do not.
  const counted = say("de", "admin.user.sessions.title")
    .replace(/[()]/g, "\\$&")
    .replace(/\{\w+\}/g, "\\d+");
  await expect(page.getByRole("heading", { level: 2, name: new RegExp(`^${counted}$`) })).toBeVisible();
  await expect(page.getByRole("link", { name: say("de", "admin.user.back") })).toBeVisible();
  await expect(page.getByTestId("user-status")).toContainText(say("de", "admin.user.profile.active"));
  await expectNoRawKey(page);
  const actions = page.getByRole("group", { name: say("de", "admin.user.actions.label") });
  await actions.getByRole("link", { name: say("de", "admin.user.actions.delete"), exact: true }).click();
  await expectHeading(page, "de", "admin.user.confirm.title", 2);
  await expect(page.getByText(say("de", "admin.user.confirm.delete.question"))).toBeVisible();
  await expect(page.getByRole("button", { name: say("de", "admin.user.confirm.delete.yes") })).toBeVisible();
  await expectNoRawKey(page);
  await page.getByRole("link", { name: say("de", "admin.user.confirm.cancel"), exact: true }).click();
  await expect(page.getByRole("heading", { level: 2, name: say("de", "admin.user.confirm.title") })).toHaveCount(0);

  // The roles, and one role's page.
  await nav.getByRole("link", { name: say("de", "admin.nav.roles") }).click();
  await expectHeading(page, "de", "admin.roles.title");
  await expectHeading(page, "de", "admin.roles.new", 2);
  await expect(page.getByTestId("roles-table").getByRole("columnheader", { name: say("de", "admin.roles.columns.permissions") })).toBeVisible();
  await expect(page.getByRole("button", { name: say("de", "admin.roles.forms.create") })).toBeVisible();
  await expectNoRawKey(page);
  await page.getByTestId("roles-table").getByRole("link", { name: E2E_REQUIRED_2FA.role, exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(E2E_REQUIRED_2FA.role);
  await expect(page.getByRole("link", { name: say("de", "admin.role.back") })).toBeVisible();
  await expectHeading(page, "de", "admin.role.permissions.title", 2);
  await expectHeading(page, "de", "admin.role.nameAndDescription", 2);
  await expectHeading(page, "de", "admin.role.delete.title", 2);
  await expect(page.getByRole("button", { name: say("de", "admin.roles.forms.saveDescription") })).toBeVisible();
  await expectNoRawKey(page);

  // The rescue queue and the deliveries.
  await nav.getByRole("link", { name: say("de", "admin.nav.rescue") }).click();
  await expectHeading(page, "de", "admin.rescue.title");
  await expect(page.getByText(say("de", "admin.rescue.intro"))).toBeVisible();
  await expectNoRawKey(page);
  await nav.getByRole("link", { name: say("de", "admin.nav.deliveries") }).click();
  await expectHeading(page, "de", "admin.deliveries.title");
  await expect(page.getByText(say("de", "admin.deliveries.intro"))).toBeVisible();
  await expectNoRawKey(page);
  await page.context().close();
});

test("Arabic: the users list is right to left and in Arabic", async ({ page: english, browser, ip }) => {
  const page = await adminBrowser(english, browser, ip, "ar");
  await page.goto("/admin/users");
  await expectDocument(page, "ar", "rtl");
  await expectHeading(page, "ar", "admin.users.title");
  await expect(page.getByRole("search").getByRole("button", { name: say("ar", "admin.users.form.submit") })).toBeVisible();
  await expectNoRawKey(page);
  await page.context().close();
});
