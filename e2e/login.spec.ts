// Guarantee: sign-in gives one generic error, honours only same-origin `next`, issues an HttpOnly
// SameSite=Lax session cookie (persistent only with remember-me), and sign-out (POST) ends the session.
import { expect, newSignedInUser, signIn, test } from "./support/fixtures";

test("anonymous visitors to signed-in pages go to /login with next, and come back", async ({ page, browser }) => {
  const { email, password } = await newSignedInUser(page);
  const fresh = await browser.newContext();
  const visitor = await fresh.newPage();
  await visitor.goto("/account/sessions");
  await expect(visitor).toHaveURL(/\/login\?next=%2Faccount%2Fsessions/);
  await signIn(visitor, email, password);
  await expect(visitor).toHaveURL(/\/account\/sessions$/);
  await fresh.close();
});

test("wrong password and unknown account get the same message", async ({ page }) => {
  const { email } = await newSignedInUser(page);
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/notice=LOGGED_OUT/);
  await page.goto("/login");
  await signIn(page, email, "not the password at all");
  const message = page.getByTestId("form-message");
  await expect(message).toContainText("That email and password don't match.");
  const wrong = await message.textContent();
  await signIn(page, "nobody-here@example.com", "not the password at all");
  await expect(message).toHaveText(wrong ?? "");
});

for (const next of ["https://evil.example/", "//evil.example", "/\\evil.example", "/%5Cevil.example", "javascript:alert(1)"]) {
  test(`off-site next ${next} is ignored`, async ({ page, browser }) => {
    const { email, password } = await newSignedInUser(page);
    const ctx = await browser.newContext();
    const p = await ctx.newPage();
    await p.goto(`/login?next=${encodeURIComponent(next)}`);
    await signIn(p, email, password);
    await expect(p).toHaveURL(/^http:\/\/localhost:\d+\/account$/);
    await ctx.close();
  });
}

test("session cookie flags; remember-me makes it persistent; signed-in users skip /login", async ({ page, browser }) => {
  const { email, password } = await newSignedInUser(page);
  const session = (await page.context().cookies()).find((c) => c.name.endsWith("gatehouse.session"));
  expect(session?.httpOnly).toBe(true);
  expect(session?.sameSite).toBe("Lax");
  expect(session?.expires).toBe(-1); // browser-session cookie without remember-me

  await page.goto("/login?next=/account/password");
  await expect(page).toHaveURL(/\/account$/); // anonymous-only page; `next` ignored to avoid loops

  const ctx = await browser.newContext();
  const p = await ctx.newPage();
  await p.goto("/login");
  await signIn(p, email, password, { remember: true });
  await expect(p).toHaveURL(/\/account$/);
  const remembered = (await ctx.cookies()).find((c) => c.name.endsWith("gatehouse.session"));
  expect(remembered?.expires ?? 0).toBeGreaterThan(Date.now() / 1000 + 7 * 86_400);
  await ctx.close();
});

test("sign out ends the session on the server, not just the cookie", async ({ page }) => {
  await newSignedInUser(page);
  const cookie = (await page.context().cookies()).find((c) => c.name.endsWith("gatehouse.session"))!;
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("notice")).toContainText("signed out");
  // Replaying the old cookie does not bring the session back.
  await page.context().addCookies([{ ...cookie }]);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/login/);
});

test("sessions page lists devices and signs another one out", async ({ page, browser }) => {
  const { email, password } = await newSignedInUser(page);
  const other = await browser.newContext({ userAgent: "Mozilla/5.0 (Windows NT 10.0) Firefox/140.0" });
  const p = await other.newPage();
  await p.goto("/login");
  await signIn(p, email, password);
  await expect(p).toHaveURL(/\/account$/);

  await page.goto("/account/sessions");
  await expect(page.getByTestId("session-list").locator("li")).toHaveCount(2);
  // Named by bowser (lib/security/core/user-agent.ts): browser and system with their versions.
  await page.getByRole("button", { name: /Sign out Firefox 140 on Windows 10/ }).click();
  await page.getByRole("dialog").getByRole("button", { name: "Sign out" }).click();
  await expect(page.getByTestId("toast")).toContainText("Signed out 1 device.");
  await expect(page.getByTestId("session-list").locator("li")).toHaveCount(1);
  await p.goto("/account");
  await expect(p).toHaveURL(/\/login/);
  await other.close();
});
