// Threat: a device or app the owner revokes on the sessions page keeps working (another browser's
// session, a JSON API token), or the page says nothing of how each signed in.
import { expectAccessibleHere } from "./support/axe";
import { expect, newSignedInUser, signIn, test } from "./support/fixtures";

test("revoking another browser's session signs it out on its next request; the page says how each signed in", async ({ page, browser }) => {
  const { email, password } = await newSignedInUser(page);
  const other = await browser.newContext({ userAgent: "Mozilla/5.0 (X11; Linux x86_64; rv:140.0) Gecko/20100101 Firefox/140.0" });
  const second = await other.newPage();
  await second.goto("/login");
  await signIn(second, email, password);
  await expect(second).toHaveURL(/\/account$/);

  await page.goto("/account/sessions");
  const list = page.getByTestId("session-list").locator("li");
  await expect(list).toHaveCount(2);
  await expect(list.first()).toContainText("with password");
  await expectAccessibleHere(page);
  // Asked first, in a dialog: Cancel keeps the session.
  await page.getByRole("button", { name: /Sign out Firefox 140 on Linux/ }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out this device?" });
  await expect(dialog).toContainText("Firefox 140 on Linux");
  await expectAccessibleHere(page);
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toHaveCount(0);
  await expect(list).toHaveCount(2);
  await page.getByRole("button", { name: /Sign out Firefox 140 on Linux/ }).click();
  await dialog.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("toast")).toContainText("Signed out 1 device.");
  await expect(list).toHaveCount(1);

  await second.goto("/account");
  await expect(second).toHaveURL(/\/login/);
  await other.close();
});

test("a token made through the JSON API is listed and, revoked there, stops working", async ({ page, playwright, baseURL }) => {
  const { email, password } = await newSignedInUser(page);
  const app = await playwright.request.newContext({ baseURL });
  const login = await app.post("/api/security/login?include_auth_token", { data: { email, password } });
  expect(login.status(), await login.text()).toBe(200);
  const token = String((await login.json()).response.user.authentication_token);
  // The login also set a session cookie in `app`: ask with the token alone, from a client with no cookies.
  const bare = await playwright.request.newContext({ baseURL });
  const me = () => bare.get("/api/me", { headers: { "Authentication-Token": token } });
  expect((await me()).status()).toBe(200);

  await page.goto("/account/sessions");
  const tokens = page.getByTestId("token-list").getByTestId("token-item");
  // The auth token, and the refresh-token family it came with (refresh tokens are on by default).
  await expect(tokens).toHaveCount(2);
  await expect(tokens.first()).toContainText("with password");
  await expectAccessibleHere(page);
  await page.getByRole("button", { name: /^Revoke auth token/ }).click();
  await expect(page.getByTestId("notice")).toContainText("revoked");
  await expect(tokens).toHaveCount(1);
  expect((await me()).status()).toBe(401);

  await page.getByRole("button", { name: /^Revoke refresh token/ }).click();
  await expect(page.getByTestId("notice")).toContainText("revoked");
  await expect(page.getByTestId("token-list")).toHaveCount(0);
  await Promise.all([app.dispose(), bare.dispose()]);
});

const IPHONE = "Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/18.1 Mobile/15E148 Safari/604.1";

test("devices are named by the parser with an icon of their kind; this device and local addresses say so; sign out everywhere else asks and counts", async ({
  page,
  browser,
}) => {
  const { email, password } = await newSignedInUser(page);
  const others = await Promise.all(
    [IPHONE, "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:141.0) Gecko/20100101 Firefox/141.0"].map((userAgent) => browser.newContext({ userAgent })),
  );
  for (const context of others) {
    const p = await context.newPage();
    await p.goto("/login");
    await signIn(p, email, password);
    await expect(p).toHaveURL(/\/account$/);
  }

  await page.goto("/account/sessions");
  const items = page.getByTestId("session-item");
  await expect(items).toHaveCount(3);
  const phone = items.filter({ hasText: "Safari 18 on iOS 18" });
  await expect(phone.locator("[data-device-type]")).toHaveAttribute("data-device-type", "mobile");
  await expect(phone).toContainText(/this computer \(local\)|local network \(/);
  await expect(phone).toContainText(/last active (just now|1 minute ago)/);
  await expect(items.filter({ hasText: "Firefox 141 on Windows 10" }).locator("[data-device-type]")).toHaveAttribute("data-device-type", "desktop");
  await expect(items.filter({ hasText: "This device" })).toContainText("active now");

  await page.getByRole("button", { name: "Sign out other sessions" }).click();
  const dialog = page.getByRole("dialog", { name: "Sign out everywhere else?" });
  await expect(dialog).toContainText("Every other device (2)");
  await dialog.getByRole("button", { name: "Sign out everywhere else" }).click();
  await expect(page.getByTestId("toast")).toContainText("Signed out 2 devices.");
  await expect(items).toHaveCount(1);
  await expectAccessibleHere(page);
  await Promise.all(others.map((c) => c.close()));
});

test.describe("without JavaScript", () => {
  test("signing out another device still works (it just does not ask), and says so", async ({ browser }) => {
    // Signed in with JavaScript (the sign-in form needs it), then the sessions page without.
    const withScript = await browser.newContext({ javaScriptEnabled: true });
    const first = await withScript.newPage();
    const { email, password } = await newSignedInUser(first);
    const other = await browser.newContext({ userAgent: IPHONE, javaScriptEnabled: true });
    const p = await other.newPage();
    await p.goto("/login");
    await signIn(p, email, password);
    await expect(p).toHaveURL(/\/account$/);

    const noScript = await browser.newContext({ javaScriptEnabled: false, storageState: await withScript.storageState() });
    const page = await noScript.newPage();
    await page.goto("/account/sessions");
    await page.getByRole("button", { name: /Sign out Safari 18 on iOS 18/ }).click();
    await expect(page).toHaveURL(/\/account\/sessions\?notice=SESSION_REVOKED&ended=1$/);
    await expect(page.getByTestId("notice")).toContainText("Signed out 1 device.");
    await expect(page.getByTestId("session-item")).toHaveCount(1);
    await Promise.all([withScript.close(), other.close(), noScript.close()]);
  });
});
