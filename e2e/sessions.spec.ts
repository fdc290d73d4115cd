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
  await page.getByRole("button", { name: /Sign out Firefox 140 on Linux/ }).click();
  await expect(page.getByTestId("notice")).toContainText("signed out");
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
