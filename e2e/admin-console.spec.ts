// Guarantee: the admin console finds a user by search and filter, opens their page and acts on it —
// reset access sends a user who had an authenticator back to setting up two-factor at the next sign-in,
// deactivation keeps them out until reactivation, the CSV holds what the list holds — while a user
// without the console's permissions is refused, and every console page passes axe.
import type { Page } from "@playwright/test";
import { E2E_ADMIN, E2E_REQUIRED_2FA } from "./support/admin";
import { expectAccessibleHere } from "./support/axe";
import { expect, newSignedInUser, signIn, test } from "./support/fixtures";
import { setUpAuthenticator, signOut } from "./support/two-factor";

async function adminSignsIn(page: Page, next = "/admin/users"): Promise<void> {
  await page.goto(`/login?next=${encodeURIComponent(next)}`);
  await signIn(page, E2E_ADMIN.email, E2E_ADMIN.password);
  await expect(page).toHaveURL(new RegExp(`${next.replace(/[/?]/g, "\\$&")}$`));
}

async function openUser(page: Page, email: string): Promise<void> {
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}&by=email`);
  await page.getByTestId("users-table").getByRole("link", { name: email }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(email);
}

/** The sign-in form's own request (what its script sends): the answer, refused or the page to go to. */
async function passwordSignIn(page: Page, email: string, password: string): Promise<{ redirectTo?: string }> {
  const origin = new URL(page.url()).origin;
  const answer = await page.request.post("/login/session", { data: { identity: email, password, remember: false }, headers: { origin }, maxRetries: 2 });
  return (await answer.json()) as { redirectTo?: string };
}

/** A destructive action: its button opens the confirmation step, whose button does it. */
async function confirmAction(page: Page, button: string, yes: RegExp): Promise<void> {
  await page.getByRole("link", { name: button, exact: true }).click();
  await page.getByRole("button", { name: yes }).click();
}

test("a signed-in user without the console's permissions is refused: the list, a user's page, the CSV", async ({ page }) => {
  await newSignedInUser(page);
  for (const path of ["/admin", "/admin/users", `/admin/users/${crypto.randomUUID()}`, "/admin/deliveries"]) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(403);
  }
  // The export is a download, not a page: its answer, with the session's cookie.
  const csv = await page.request.get("/admin/users/export");
  expect(csv.status()).toBe(403);
  expect(await csv.text()).not.toContain("@");
});

test("search and filter find a user; reset access makes them set up two-factor again at their next sign-in", async ({ page, browser }) => {
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  const { email, password } = await newSignedInUser(userPage);
  await setUpAuthenticator(userPage, email);
  await signOut(userPage);

  await adminSignsIn(page);
  // The filter form: two-factor on, sorted by email, newest first — all in the URL.
  const search = page.getByRole("search");
  await search.getByLabel("Starts with").fill(email.slice(0, 12));
  await search.getByLabel("Two-factor on").selectOption("yes");
  await search.getByLabel("Sort by").selectOption("email");
  await search.getByRole("button", { name: "Search" }).click();
  await expect(page).toHaveURL(/tf=yes/);
  await expect(page.getByTestId("users-table")).toContainText(email);
  await page.goto(`/admin/users?q=${encodeURIComponent(email)}&tf=no`);
  await expect(page.getByText("No users match.")).toBeVisible();
  // Hostile parameters: the first page and a notice, never a 500.
  const odd = await page.goto("/admin/users?tf=maybe&sort=%00&role=%27%3B--&dir=sideways");
  expect(odd?.status()).toBe(200);
  await expect(page.getByTestId("cursor-refused")).toContainText("tf, role, sort, dir");

  await openUser(page, email);
  await expect(page.getByTestId("user-status")).toContainText("Active");
  await expectAccessibleHere(page);
  // The required-two-factor role, so the next sign-in must set a method up again.
  await page.getByRole("button", { name: `Add ${E2E_REQUIRED_2FA.role}` }).click();
  await expect(page.getByTestId("user-roles")).toContainText(E2E_REQUIRED_2FA.role);
  await page.getByRole("link", { name: "Reset access", exact: true }).click();
  await expectAccessibleHere(page);
  await page.getByRole("button", { name: /^Yes, reset access/ }).click();
  await expect(page.getByTestId("admin-notice")).toContainText("Access was reset");
  await expect(page.getByText("Off", { exact: true })).toBeVisible();

  await signIn(userPage, email, password);
  await expect(userPage).toHaveURL(/\/login\/two-factor\/setup$/);
  await userContext.close();
});

test("deactivate then reactivate: the user is kept out, then let in; the CSV holds the filtered list", async ({ page, browser }) => {
  const userContext = await browser.newContext();
  const userPage = await userContext.newPage();
  const { email, password } = await newSignedInUser(userPage);
  await signOut(userPage);

  await adminSignsIn(page);
  await openUser(page, email);
  await confirmAction(page, "Deactivate", /^Yes, deactivate/);
  await expect(page.getByTestId("admin-notice")).toContainText("deactivated");
  await expect(page.getByTestId("user-status")).toContainText("Disabled");

  expect((await passwordSignIn(userPage, email, password)).redirectTo).toBeUndefined();

  // The CSV of disabled accounts starting with this address: exactly this user.
  const csv = await page.request.get(`/admin/users/export?q=${encodeURIComponent(email)}&active=no`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trimEnd().split("\r\n");
  expect(lines[0]).toContain('"email"');
  expect(lines).toHaveLength(2);
  expect(lines[1]).toContain(`"${email}"`);
  expect(lines[1]).toContain('"no"');

  await page.getByRole("button", { name: "Activate", exact: true }).click();
  await expect(page.getByTestId("user-status")).toContainText("Active");
  expect(await passwordSignIn(userPage, email, password)).toEqual({ redirectTo: "/account" });
  await userContext.close();
});

test("an id that is not an account is a 404; the list and a user's page pass axe and are screenshotted", async ({ page }, testInfo) => {
  await adminSignsIn(page);
  for (const id of ["nope", crypto.randomUUID(), "%27%3B--"]) {
    const response = await page.goto(`/admin/users/${id}`);
    expect(response?.status(), id).toBe(404);
  }
  await page.goto("/admin/users");
  await expectAccessibleHere(page);
  // The deliveries page: reached from the console's tabs, with the outbox's backlog.
  await page.getByRole("navigation", { name: "Admin console" }).getByRole("link", { name: "Deliveries" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Deliveries");
  await expect(page.getByTestId("outbox-backlog")).toHaveText(/^\d+ waiting to be sent · \d+ given up$/);
  await expectAccessibleHere(page);
  for (const [name, width, height] of [
    ["desktop", 1280, 900],
    ["phone", 390, 844],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const colorScheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme });
      await page.goto("/admin/users");
      await page.screenshot({ path: testInfo.outputPath(`admin-users-${name}-${colorScheme}.png`), fullPage: true });
      await page.getByTestId("users-table").getByRole("link", { name: E2E_ADMIN.email }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(E2E_ADMIN.email);
      await page.screenshot({ path: testInfo.outputPath(`admin-user-${name}-${colorScheme}.png`), fullPage: true });
    }
  }
});
